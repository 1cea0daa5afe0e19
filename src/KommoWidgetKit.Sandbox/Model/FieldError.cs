namespace KommoWidgetKit.Sandbox.Model;

/// <summary>One entry of Kommo's <c>validation-errors[].errors</c>: a code, a dot path inside the item and a message.</summary>
internal sealed record FieldError(string Code, string Path, string Detail)
{
    // Kommo's validators are Symfony's: codes and wording follow the ones seen in real 400 bodies.
    public static FieldError Choice(string path) => new("NotSupportedChoice", path, "The value you selected is not a valid choice.");

    public static FieldError Type(string path, string type) => new("InvalidType", path, $"This value should be of type {type}.");

    public static FieldError Blank(string path) => new("NotBlank", path, "This value should not be blank.");

    public static FieldError NotFound(string path) => new("NotFound", path, "Entity not found.");

    public static FieldError Invalid(string path, string detail) => new("InvalidValue", path, detail);
}

/// <summary>The failing items of one batch, keyed by <c>request_id</c>.</summary>
internal sealed class BatchErrors
{
    public List<(string RequestId, List<FieldError> Errors)> Items { get; } = [];

    public bool Any => Items.Count > 0;

    public void Add(string requestId, List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            Items.Add((requestId, errors));
        }
    }
}

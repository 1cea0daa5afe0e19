using System.Buffers;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.Metadata;

namespace KommoWidgetKit.Sandbox.Http;

/// <summary>A JSON body written as <c>application/hal+json</c> (or another JSON media type) with a status code.</summary>
public sealed class HalJsonResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal HalJsonResult(JsonNode body, int statusCode = StatusCodes.Status200OK, string contentType = "application/hal+json")
    {
        Body = body;
        StatusCode = statusCode;
        ContentType = contentType;
    }

    /// <summary>The document written.</summary>
    public JsonNode Body { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>The media type written.</summary>
    public string ContentType { get; }

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Body.WriteTo(writer);
        }

        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = buffer.WrittenCount;
        await httpContext.Response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>Builds Kommo's responses: HAL bodies, problem bodies with Kommo's exact titles and details.</summary>
internal static class Kommo
{
    public static HalJsonResult Hal(JsonNode body, int status = StatusCodes.Status200OK) => new(body, status);

    /// <summary>A plain JSON body (the complex-add endpoint answers a bare array).</summary>
    public static HalJsonResult Json(JsonNode body) => new(body, StatusCodes.Status200OK, "application/json");

    public static HalJsonResult Problem(int status, string detail, Action<JsonObject>? extend = null)
    {
        var body = new JsonObject
        {
            ["title"] = Title(status),
            ["type"] = $"https://httpstatus.es/{status}",
            ["status"] = status,
            ["detail"] = detail,
        };
        extend?.Invoke(body);
        return new HalJsonResult(body, status, "application/problem+json");
    }

    public static HalJsonResult Unauthorized() => Problem(StatusCodes.Status401Unauthorized, "Invalid user name or password");

    public static HalJsonResult EmptyBody() => Problem(StatusCodes.Status400BadRequest, "Request data can not be empty");

    public static HalJsonResult TooMany() => Problem(StatusCodes.Status422UnprocessableEntity, "Limit 250 per page");

    public static HalJsonResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, detail);

    public static HalJsonResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, detail);

    public static HalJsonResult Validation(BatchErrors errors)
    {
        var list = new JsonArray();
        foreach (var (requestId, fieldErrors) in errors.Items)
        {
            var items = new JsonArray();
            foreach (var e in fieldErrors)
            {
                items.Add((JsonNode)new JsonObject { ["code"] = e.Code, ["path"] = e.Path, ["detail"] = e.Detail });
            }

            list.Add((JsonNode)new JsonObject { ["request_id"] = requestId, ["errors"] = items });
        }

        // validation-errors comes first in Kommo's bodies; key order is kept by JsonObject.
        var body = new JsonObject
        {
            ["validation-errors"] = list,
            ["title"] = Title(StatusCodes.Status400BadRequest),
            ["type"] = "https://httpstatus.es/400",
            ["status"] = StatusCodes.Status400BadRequest,
            ["detail"] = "Request validation failed",
        };
        return new HalJsonResult(body, StatusCodes.Status400BadRequest, "application/problem+json");
    }

    public static HalJsonResult Validation(string requestId, FieldError error) => Validation(requestId, [error]);

    /// <summary>400 with the field errors of one item (a single-object write).</summary>
    public static HalJsonResult Validation(string requestId, List<FieldError> fieldErrors)
    {
        var errors = new BatchErrors();
        errors.Add(requestId, fieldErrors);
        return Validation(errors);
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        _ => "Error",
    };
}

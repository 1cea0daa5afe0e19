namespace KommoWidgetKit.Validation;

public static partial class RuleIds
{
    /// <summary>No script.js at the widget root.</summary>
    public const string ScriptMissing = "KW2000";
    /// <summary>script.js or another own .js file does not parse.</summary>
    public const string ScriptSyntaxError = "KW2001";
    /// <summary>script.js has no <c>define(...)</c> call (not an AMD module).</summary>
    public const string ScriptNotAmd = "KW2002";
    /// <summary>No <c>this.callbacks = {...}</c> assignment was found.</summary>
    public const string CallbacksNotFound = "KW2003";
    /// <summary>render, init or bind_actions is missing from the callbacks object.</summary>
    public const string CoreCallbackMissing = "KW2004";
    /// <summary>A callback that a listed location calls is missing.</summary>
    public const string LocationCallbackMissing = "KW2005";
    /// <summary>A known callback is set to something that is not a function.</summary>
    public const string CallbackNotFunction = "KW2006";
    /// <summary>The callbacks object is built at run time, so its members cannot be checked.</summary>
    public const string CallbacksDynamic = "KW2007";
    /// <summary>The define factory returns something that is not the widget constructor.</summary>
    public const string FactoryNotConstructor = "KW2008";
    /// <summary><c>eval</c>, <c>new Function</c> or a string passed to setTimeout/setInterval.</summary>
    public const string Eval = "KW2010";
    /// <summary>Synchronous XMLHttpRequest (<c>async: false</c>).</summary>
    public const string SyncXhr = "KW2011";
    /// <summary>Own code is minified or obfuscated.</summary>
    public const string MinifiedCode = "KW2012";
    /// <summary>An external script is injected with a script element.</summary>
    public const string ScriptInjection = "KW2013";
    /// <summary>A Kommo API call inside a loop.</summary>
    public const string ApiCallInLoop = "KW2014";
    /// <summary>A relative define dependency names a file the widget does not have.</summary>
    public const string RelativeDependencyMissing = "KW2015";
}

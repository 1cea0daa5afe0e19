using KommoWidgetKit.Validation.Rules.Script;

namespace KommoWidgetKit.Validation;

public static partial class RuleCatalog
{
    static partial void AddScriptRules(List<WidgetRule> rules)
    {
        rules.Add(new ScriptMissingRule());
        rules.Add(new ScriptSyntaxErrorRule());
        rules.Add(new ScriptNotAmdRule());
        rules.Add(new FactoryNotConstructorRule());
        rules.Add(new CallbacksNotFoundRule());
        rules.Add(new CoreCallbackMissingRule());
        rules.Add(new LocationCallbackMissingRule());
        rules.Add(new CallbackNotFunctionRule());
        rules.Add(new CallbacksDynamicRule());
        rules.Add(new EvalRule());
        rules.Add(new SyncXhrRule());
        rules.Add(new MinifiedCodeRule());
        rules.Add(new ScriptInjectionRule());
        rules.Add(new ApiCallInLoopRule());
        rules.Add(new RelativeDependencyMissingRule());
    }
}

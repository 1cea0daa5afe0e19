using System.CommandLine;
using KommoWidgetKit.LanguageServer;

namespace KommoWidgetKit.Cli.Commands;

/// <summary><c>kommo-widget lsp</c>: the language server, speaking LSP over standard input and output.</summary>
public static class LspCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        // Language clients (vscode-languageclient among them) add --stdio for the stdio transport; it is the only one.
        var stdio = new Option<bool>("--stdio") { Description = "Speak LSP over standard input and output (the default and only transport)" };
        var command = new Command("lsp",
            "Run the language server for editors: findings as you type, completion, hover, go to definition and quick fixes, " +
            "over standard input and output (Language Server Protocol 3.17). Editors start it; see editors/vscode.")
        {
            stdio,
        };
        command.SetAction(_ =>
        {
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            var server = new KommoLanguageServer(input, output, console.Error, CliVersion.Informational);
            return server.Run();
        });
        return command;
    }
}

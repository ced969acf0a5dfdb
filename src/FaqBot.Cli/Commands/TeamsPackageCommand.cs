using System.CommandLine;
using FaqBot.Cli.Teams;

namespace FaqBot.Cli.Commands;

/// <summary><c>faqbot teams-package</c>: writes the Teams app package zip for one bot registration.</summary>
public static class TeamsPackageCommand
{
    public static Command Create()
    {
        var appId = new Option<string>("--app-id") { Description = "The bot's Microsoft App ID (a GUID, from the app registration).", Required = true };
        var domain = new Option<string>("--domain") { Description = "The bot's public host name, e.g. faqbot.example-clinic.org.", Required = true };
        var manifest = new Option<string>("--manifest") { Description = "The manifest template.", DefaultValueFactory = _ => Path.Combine("teams", "manifest.json") };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the zip.", DefaultValueFactory = _ => "faqbot-teams.zip" };
        var teamsAppId = new Option<string?>("--teams-app-id") { Description = "The Teams app's own id (a GUID); defaults to the App ID." };
        var name = new Option<string?>("--name") { Description = "Short name shown in Teams (at most 30 characters)." };
        var fullName = new Option<string?>("--full-name") { Description = "Full name (at most 100 characters)." };
        var accent = new Option<string?>("--accent-color") { Description = "Accent colour behind the icon, e.g. #0E6E74." };
        var version = new Option<string?>("--app-version") { Description = "App version (semver); raise it for every upload." };
        var developer = new Option<string?>("--developer") { Description = "Developer name shown in the app details (the clinic)." };
        var website = new Option<string?>("--website-url") { Description = "https address of the clinic's site; defaults to https://<domain>/." };
        var privacy = new Option<string?>("--privacy-url") { Description = "https address of the privacy statement." };
        var terms = new Option<string?>("--terms-url") { Description = "https address of the terms of use." };
        var colorIcon = new Option<string?>("--color-icon") { Description = "A 192x192 PNG to use instead of teams/color.png." };
        var outlineIcon = new Option<string?>("--outline-icon") { Description = "A 32x32 transparent PNG to use instead of teams/outline.png." };

        var command = new Command("teams-package", "Write the Microsoft Teams app package (manifest.json and icons in a zip) for a given App ID.")
        {
            appId, domain, manifest, output, teamsAppId, name, fullName, accent, version, developer, website, privacy, terms, colorIcon, outlineIcon,
        };
        command.SetAction(parse =>
        {
            var settings = new TeamsPackageSettings(parse.GetValue(manifest)!, parse.GetValue(output)!, parse.GetValue(appId)!.Trim(), parse.GetValue(domain)!.Trim())
            {
                TeamsAppId = parse.GetValue(teamsAppId)?.Trim(),
                ShortName = parse.GetValue(name),
                FullName = parse.GetValue(fullName),
                AccentColor = parse.GetValue(accent),
                AppVersion = parse.GetValue(version),
                DeveloperName = parse.GetValue(developer),
                WebsiteUrl = parse.GetValue(website),
                PrivacyUrl = parse.GetValue(privacy),
                TermsOfUseUrl = parse.GetValue(terms),
                ColorIconPath = parse.GetValue(colorIcon),
                OutlineIconPath = parse.GetValue(outlineIcon),
            };
            var result = TeamsPackageWriter.Write(settings);
            if (!result.Succeeded)
            {
                var error = parse.InvocationConfiguration.Error;
                error.WriteLine($"No package written; fix these in {settings.ManifestPath} or the options:");
                foreach (var problem in result.Problems)
                {
                    error.WriteLine($"  - {problem}");
                }

                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine(
                $"Wrote {Path.GetFullPath(settings.OutputPath)} (bot {settings.MicrosoftAppId}, domain {settings.Domain}). Upload it in Teams: Apps > Manage your apps > Upload an app.");
            return 0;
        });
        return command;
    }
}

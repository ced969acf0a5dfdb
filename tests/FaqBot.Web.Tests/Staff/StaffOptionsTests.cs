using System.ComponentModel.DataAnnotations;
using FaqBot.Web.Staff;

namespace FaqBot.Web.Tests.Staff;

public sealed class StaffOptionsTests
{
    [Fact]
    public void WithoutAnAuthorityNothingElseIsNeeded() => Assert.Empty(Errors(new StaffOptions()));

    [Fact]
    public void SignInThatNamesNoStaffGroupOrRoleIsRefusedAtStart()
    {
        var errors = Errors(new StaffOptions { Authority = "https://login.microsoftonline.com/tenant/v2.0", ClientId = "client" });

        Assert.Contains(errors, e => e.Contains("AllowedGroups or Staff:AllowedRoles", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAuthorityOverPlainHttpIsRefusedUnlessItIsThisMachine()
    {
        Assert.Contains(Errors(new StaffOptions { Authority = "http://idp.example/", ClientId = "c", AllowedRoles = ["Staff"] }), e => e.Contains("https", StringComparison.Ordinal));
        Assert.Empty(Errors(new StaffOptions { Authority = "http://127.0.0.1:5000/idp", ClientId = "c", AllowedRoles = ["Staff"] }));
        Assert.Contains(Errors(new StaffOptions { Authority = "https://idp.example/", AllowedGroups = ["g"] }), e => e.Contains("ClientId", StringComparison.Ordinal));
    }

    private static List<string> Errors(StaffOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }
}

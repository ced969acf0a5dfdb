namespace FaqBot.Web.Tests;

/// <summary>Removing a test server's data folder after it stopped.</summary>
internal static class TempFolders
{
    // A stopped host can still be closing a file in its folder (SQLite's WAL, an index generation) for a moment, so
    // the delete is tried a few times; a folder left in the temp directory is not a failure of the test that used it.
    public static async Task DeleteAsync(string folder)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (attempt == 5)
                {
                    return;
                }

                await Task.Delay(200 * attempt);
            }
        }
    }
}

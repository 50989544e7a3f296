namespace BepBot.Infrastructure.Downloads;

/// <summary>A downloaded file is over the size the caller accepts; the download stops there.</summary>
public sealed class FileTooLargeException() : Exception("The file is over the size accepted.");

namespace BepBot.Features.Labs;

public enum WaitReason
{
    Full,
    Quota,
}

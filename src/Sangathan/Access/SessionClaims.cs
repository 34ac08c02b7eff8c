namespace Sangathan.Access;

public static class SessionClaims
{
    public const string PersonId = "sangathan:person";
    public const string StaffId = "sangathan:staff";
    public const string SessionId = "sangathan:session";
}

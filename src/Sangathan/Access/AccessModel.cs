using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sangathan.Access;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> e)
    {
        e.Property(s => s.Username).HasMaxLength(64);
        e.Property(s => s.DisplayName).HasMaxLength(150);
        e.Property(s => s.PasswordHash).HasMaxLength(200);
        e.Property(s => s.TotpSecret).HasMaxLength(64);
        e.Property(s => s.Roles).HasMaxLength(100);
        e.HasIndex(s => s.Username).IsUnique();
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> e)
    {
        e.Property(s => s.TokenHash).HasMaxLength(64);
        e.Property(s => s.Ip).HasMaxLength(64);
        e.HasIndex(s => s.TokenHash).IsUnique();
        e.HasIndex(s => s.PersonId);
        e.HasIndex(s => s.StaffId);
    }
}

internal sealed class OtpCodeConfiguration : IEntityTypeConfiguration<OtpCode>
{
    public void Configure(EntityTypeBuilder<OtpCode> e)
    {
        e.Property(o => o.Mobile).HasMaxLength(16);
        e.Property(o => o.CodeHash).HasMaxLength(64);
        e.Property(o => o.Ip).HasMaxLength(64);
        e.HasIndex(o => new { o.Mobile, o.CreatedAt });
        e.HasIndex(o => new { o.Ip, o.CreatedAt });
    }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> e)
    {
        e.Property(f => f.Key).HasMaxLength(80);
        e.Property(f => f.Address).HasMaxLength(64);
        e.HasIndex(f => new { f.Key, f.At });
        e.HasIndex(f => new { f.Address, f.At });
    }
}

internal sealed class SignInWarningConfiguration : IEntityTypeConfiguration<SignInWarning>
{
    public void Configure(EntityTypeBuilder<SignInWarning> e)
    {
        e.HasKey(w => w.Key);
        e.Property(w => w.Key).HasMaxLength(80);
    }
}

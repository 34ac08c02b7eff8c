using System.Collections.Specialized;
using System.Web;
using Sangathan.Messaging;

namespace Sangathan.Tests.Messaging;

public sealed class KannelRequestTests
{
    static KannelOptions Options(Action<KannelOptions>? change = null)
    {
        var options = new KannelOptions { BaseUrl = "http://127.0.0.1:13013/", Username = "sangathan", Password = "s3cret&=" };
        change?.Invoke(options);
        return options;
    }

    static (Uri Uri, NameValueCollection Query) Build(KannelOptions options, SmsMessage message)
    {
        var uri = KannelRequest.SendSms(options, message);
        return (uri, HttpUtility.ParseQueryString(uri.Query));
    }

    [Fact]
    public void AnEnglishMessageGoesToSendsmsAsGsmText()
    {
        var (uri, query) = Build(Options(), new("+919812345678", "Your code is 123456"));

        Assert.Equal("http://127.0.0.1:13013/cgi-bin/sendsms", uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("sangathan", query["username"]);
        Assert.Equal("s3cret&=", query["password"]);
        Assert.Equal("+919812345678", query["to"]);
        Assert.Equal("Your code is 123456", query["text"]);
        Assert.Equal("UTF-8", query["charset"]);
        Assert.Equal("0", query["coding"]);
        Assert.Null(query["from"]);
        Assert.Null(query["meta-data"]);
        Assert.Null(query["dlr-url"]);
        Assert.Null(query["dlr-mask"]);
    }

    [Fact]
    public void HindiGoesAsUtf8TextForKannelToSendAsUcs2()
    {
        var (uri, query) = Build(Options(), new("+919812345678", "आपका कोड 123456 है"));

        Assert.Equal("आपका कोड 123456 है", query["text"]);
        Assert.Equal("2", query["coding"]);
        Assert.Contains("text=%E0%A4%86", uri.AbsoluteUri); // UTF-8, percent-encoded: no raw '+' or space to be misread
    }

    [Fact]
    public void TheMessagesSenderWinsOverTheConfiguredOne()
    {
        Assert.Equal("SNGTHN", Build(Options(o => o.SenderId = "DEFLT1"), new("+919812345678", "x", SenderId: "SNGTHN")).Query["from"]);
        Assert.Equal("DEFLT1", Build(Options(o => o.SenderId = "DEFLT1"), new("+919812345678", "x")).Query["from"]);
    }

    [Fact]
    public void TheTemplateIdTravelsAsTheConfiguredSmppTlv()
    {
        var message = new SmsMessage("+919812345678", "x", TemplateId: "1707161234567890123");

        Assert.Equal("?smpp?TEMPLATE_ID=1707161234567890123", Build(Options(o => o.TemplateTlv = "TEMPLATE_ID"), message).Query["meta-data"]);
        Assert.Null(Build(Options(), message).Query["meta-data"]);
    }

    [Fact]
    public void AReferenceAsksForDeliveryReportsAtTheSecretAddressWhenADlrUrlIsConfigured()
    {
        var message = new SmsMessage("+919812345678", "x", Reference: "42");
        const string secret = "s3cret-s3cret-s3cret";

        var query = Build(Options(o => { o.DlrUrl = "https://sangathan.example/sms/dlr/"; o.DlrSecret = secret; }), message).Query;
        Assert.Equal("27", query["dlr-mask"]);
        Assert.Equal($"https://sangathan.example/sms/dlr/{secret}?ref=42&status=%d&reply=%A&fid=%F", query["dlr-url"]);

        Assert.Null(Build(Options(), message).Query["dlr-url"]);
        Assert.Null(Build(Options(o => o.DlrUrl = "https://sangathan.example/sms/dlr"), message).Query["dlr-url"]); // no secret, no reports
        Assert.Null(Build(Options(o => { o.DlrUrl = "https://sangathan.example/sms/dlr"; o.DlrSecret = secret; }), message with { Reference = null }).Query["dlr-url"]);
    }
}

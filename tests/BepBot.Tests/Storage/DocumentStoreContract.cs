using System.Text.Json;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Storage;

/// <summary>
/// What every <see cref="IDocumentStore"/> must do, run once per implementation. Each test writes under its own
/// key prefix, so tests of one class can share a store (xunit runs them one after the other).
/// </summary>
public abstract class DocumentStoreContract
{
    private const int Contenders = 20;

    protected abstract IDocumentStore Store { get; }

    protected string Prefix { get; } = $"t-{Guid.NewGuid():N}/";

    public static TheoryData<string> InvalidKeys { get; } =
    [
        "", "../x", "a//b", "a b", ".hidden", new string('k', DocumentKey.MaxLength + 1), "a/", "/a", "a/./b", "a\\b", "dossier/.cache",
        // '!' only in the shortened form a store gives a long segment: 100 characters, '!', a SHA-256 in lower-case hex.
        "a!b", "x/!", "x/" + new string('a', 100) + "!" + new string('F', 64), "x/" + new string('a', 99) + "!" + new string('f', 64),
    ];

    /// <summary>Ids as Teams sends them, the longest we promise, and the bot state key of a personal chat with both.</summary>
    public static TheoryData<string> RealIds { get; } =
    [
        RealTeamsIds.PersonalConversation("megan", 137),
        RealTeamsIds.PersonalConversation("megan"),
        RealTeamsIds.User("megan"),
        RealTeamsIds.Channel("general"),
        RealTeamsIds.GroupChat("bureau"),
        RealTeamsIds.PersonalConversation("megan", 1000),
        "19:" + string.Concat(Enumerable.Repeat("Hôtel de ville ; 議会 ", 50))[..997],
        $"msteams/conversations/{RealTeamsIds.PersonalConversation("megan", 1000)}/users/{RealTeamsIds.User("megan", 1000)}",
    ];

    protected string Key(string name) => Prefix + name;

    protected static BinaryData Json(string json) => BinaryData.FromString(json);

    [Fact]
    public async Task CreateAsync_NewKey_GetReturnsContentAndSameETag()
    {
        var etag = await Store.CreateAsync(Key("doc"), Json("""{"n":1}"""));

        var document = await Store.GetAsync(Key("doc"));

        document.ShouldNotBeNull();
        document.Key.ShouldBe(Key("doc"));
        document.Content.ToString().ShouldBe("""{"n":1}""");
        etag.ShouldNotBeNullOrWhiteSpace();
        document.ETag.ShouldBe(etag);
    }

    [Fact]
    public async Task GetAsync_MissingKey_ReturnsNull()
    {
        (await Store.GetAsync(Key("nothing-here"))).ShouldBeNull();
    }

    [Fact]
    public async Task CreateAsync_ExistingKey_ThrowsAlreadyExistsAndKeepsOriginal()
    {
        var etag = await Store.CreateAsync(Key("doc"), Json("""{"v":"original"}"""));

        var conflict = await Should.ThrowAsync<DocumentConflictException>(() => Store.CreateAsync(Key("doc"), Json("""{"v":"intruder"}""")));

        conflict.Reason.ShouldBe(ConflictReason.AlreadyExists);
        conflict.Key.ShouldBe(Key("doc"));
        var document = await Store.GetAsync(Key("doc"));
        document.ShouldNotBeNull();
        document.Content.ToString().ShouldBe("""{"v":"original"}""");
        document.ETag.ShouldBe(etag);
    }

    [Fact]
    public async Task ReplaceAsync_CurrentETag_WritesAndReturnsNewETag()
    {
        var first = await Store.CreateAsync(Key("doc"), Json("""{"v":1}"""));

        var second = await Store.ReplaceAsync(Key("doc"), Json("""{"v":2}"""), first);

        second.ShouldNotBe(first);
        var document = await Store.GetAsync(Key("doc"));
        document.ShouldNotBeNull();
        document.Content.ToString().ShouldBe("""{"v":2}""");
        document.ETag.ShouldBe(second);
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsETagMismatchAndKeepsContent()
    {
        var stale = await Store.CreateAsync(Key("doc"), Json("""{"v":1}"""));
        var current = await Store.ReplaceAsync(Key("doc"), Json("""{"v":2}"""), stale);

        var conflict = await Should.ThrowAsync<DocumentConflictException>(() => Store.ReplaceAsync(Key("doc"), Json("""{"v":3}"""), stale));

        conflict.Reason.ShouldBe(ConflictReason.ETagMismatch);
        var document = await Store.GetAsync(Key("doc"));
        document.ShouldNotBeNull();
        document.Content.ToString().ShouldBe("""{"v":2}""");
        document.ETag.ShouldBe(current);
    }

    [Fact]
    public async Task ReplaceAsync_MissingKey_ThrowsConflictAndCreatesNothing()
    {
        var etag = await Store.CreateAsync(Key("other"), Json("{}"));

        var conflict = await Should.ThrowAsync<DocumentConflictException>(() => Store.ReplaceAsync(Key("missing"), Json("{}"), etag));

        conflict.Reason.ShouldBe(ConflictReason.Missing);

        (await Store.GetAsync(Key("missing"))).ShouldBeNull();
    }

    [Fact]
    public async Task ReplaceAsync_DeletedDocument_ThrowsConflictAndCreatesNothing()
    {
        var etag = await Store.CreateAsync(Key("doc"), Json("""{"v":1}"""));
        (await Store.DeleteAsync(Key("doc"))).ShouldBeTrue();

        var conflict = await Should.ThrowAsync<DocumentConflictException>(() => Store.ReplaceAsync(Key("doc"), Json("""{"v":2}"""), etag));

        conflict.Reason.ShouldBe(ConflictReason.Missing);

        (await Store.GetAsync(Key("doc"))).ShouldBeNull();
    }

    [Fact]
    public async Task UpsertAsync_MissingThenExisting_CreatesThenOverwrites()
    {
        var first = await Store.UpsertAsync(Key("doc"), Json("""{"v":1}"""));
        var afterCreate = await Store.GetAsync(Key("doc"));

        var second = await Store.UpsertAsync(Key("doc"), Json("""{"v":2}"""));

        afterCreate.ShouldNotBeNull();
        afterCreate.Content.ToString().ShouldBe("""{"v":1}""");
        afterCreate.ETag.ShouldBe(first);
        second.ShouldNotBe(first);
        var document = await Store.GetAsync(Key("doc"));
        document.ShouldNotBeNull();
        document.Content.ToString().ShouldBe("""{"v":2}""");
        document.ETag.ShouldBe(second);
    }

    [Fact]
    public async Task DeleteAsync_WithoutETag_DeletesAndReturnsTrue()
    {
        await Store.CreateAsync(Key("doc"), Json("{}"));

        (await Store.DeleteAsync(Key("doc"))).ShouldBeTrue();

        (await Store.GetAsync(Key("doc"))).ShouldBeNull();
    }

    [Fact]
    public async Task DeleteAsync_CurrentETag_DeletesAndReturnsTrue()
    {
        var etag = await Store.CreateAsync(Key("doc"), Json("{}"));

        (await Store.DeleteAsync(Key("doc"), etag)).ShouldBeTrue();

        (await Store.GetAsync(Key("doc"))).ShouldBeNull();
    }

    [Fact]
    public async Task DeleteAsync_StaleETag_ThrowsETagMismatchAndDocumentStays()
    {
        var stale = await Store.CreateAsync(Key("doc"), Json("""{"v":1}"""));
        await Store.ReplaceAsync(Key("doc"), Json("""{"v":2}"""), stale);

        var conflict = await Should.ThrowAsync<DocumentConflictException>(() => Store.DeleteAsync(Key("doc"), stale));

        conflict.Reason.ShouldBe(ConflictReason.ETagMismatch);
        var document = await Store.GetAsync(Key("doc"));
        document.ShouldNotBeNull();
        document.Content.ToString().ShouldBe("""{"v":2}""");
    }

    [Fact]
    public async Task DeleteAsync_MissingKey_ReturnsFalse()
    {
        (await Store.DeleteAsync(Key("never-written"))).ShouldBeFalse();
    }

    [Fact]
    public async Task DeleteAsync_AlreadyDeletedWithItsETag_ReturnsFalse()
    {
        var etag = await Store.CreateAsync(Key("doc"), Json("{}"));
        (await Store.DeleteAsync(Key("doc"))).ShouldBeTrue();

        (await Store.DeleteAsync(Key("doc"), etag)).ShouldBeFalse();
    }

    [Fact]
    public async Task DeleteAsync_Twice_SecondReturnsFalse()
    {
        await Store.CreateAsync(Key("doc"), Json("{}"));
        (await Store.DeleteAsync(Key("doc"))).ShouldBeTrue();

        (await Store.DeleteAsync(Key("doc"))).ShouldBeFalse();
    }

    [Fact]
    public async Task ListKeysAsync_Prefix_ReturnsOnlyThatPrefixIncludingNestedKeys()
    {
        string[] inside = [Key("votes/b1/namur"), Key("votes/b1/dinant"), Key("votes/b1/extra/nested/deep")];
        string[] outside = [Key("votes/b2/namur"), Key("votes/b10"), Key("other/b1/namur"), Key("votes-b1")];
        foreach (var key in inside.Concat(outside))
        {
            await Store.CreateAsync(key, Json("{}"));
        }

        var keys = await ListAsync(Key("votes/b1/"));

        keys.ShouldBe(inside, ignoreOrder: true);
    }

    [Fact]
    public async Task ListKeysAsync_PartialSegmentPrefix_MatchesAsPlainStringPrefix()
    {
        await Store.CreateAsync(Key("lab-1/a"), Json("{}"));
        await Store.CreateAsync(Key("lab-10/a"), Json("{}"));
        await Store.CreateAsync(Key("lab-2/a"), Json("{}"));

        var keys = await ListAsync(Key("lab-1"));

        keys.ShouldBe([Key("lab-1/a"), Key("lab-10/a")], ignoreOrder: true);
    }

    [Fact]
    public async Task ListKeysAsync_UnknownPrefix_ReturnsNothing()
    {
        await Store.CreateAsync(Key("a"), Json("{}"));

        (await ListAsync(Key("b"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListKeysAsync_AfterDelete_OmitsDeletedKey()
    {
        await Store.CreateAsync(Key("kept"), Json("{}"));
        await Store.CreateAsync(Key("gone"), Json("{}"));
        await Store.DeleteAsync(Key("gone"));

        (await ListAsync(Prefix)).ShouldBe([Key("kept")]);
    }

    [Fact]
    public async Task ListDocumentsAsync_ListedTwice_TheSecondGivesWhatChangedMeanwhileAndNothingDeleted()
    {
        await Store.CreateAsync(Key("docs/a"), Json("""{"n":1}"""));
        var b = await Store.CreateAsync(Key("docs/b"), Json("""{"n":1}"""));
        await Store.CreateAsync(Key("docs/c"), Json("""{"n":1}"""));
        var first = await ListDocumentsAsync(Key("docs/"));

        var replaced = await Store.ReplaceAsync(Key("docs/b"), Json("""{"n":2}"""), b);
        await Store.DeleteAsync(Key("docs/c"));
        await Store.CreateAsync(Key("docs/d"), Json("""{"n":1}"""));
        var second = await ListDocumentsAsync(Key("docs/"));

        first.Select(document => document.Key).ShouldBe([Key("docs/a"), Key("docs/b"), Key("docs/c")]);
        second.Select(document => (document.Key, document.Content.ToString())).ShouldBe([
            (Key("docs/a"), """{"n":1}"""), (Key("docs/b"), """{"n":2}"""), (Key("docs/d"), """{"n":1}""")]);
        second.Single(document => document.Key == Key("docs/b")).ETag.ShouldBe(replaced);
    }

    private async Task<List<RawDocument>> ListDocumentsAsync(string prefix)
    {
        var documents = new List<RawDocument>();
        await foreach (var document in Store.ListDocumentsAsync(prefix))
        {
            documents.Add(document);
        }

        return documents;
    }

    [Fact]
    public async Task CreateAsyncOfT_Record_GetAsyncOfTRoundTripsValueAndETag()
    {
        var sample = new Sample("Eghezée", 3, SampleStatus.WaitingList, [new DateTimeOffset(2026, 3, 12, 13, 0, 0, TimeSpan.Zero)]);

        var etag = await Store.CreateAsync(Key("typed"), sample);
        var document = await Store.GetAsync<Sample>(Key("typed"));

        document.ShouldNotBeNull();
        document.Key.ShouldBe(Key("typed"));
        document.ETag.ShouldBe(etag);
        document.Value.Name.ShouldBe("Eghezée");
        document.Value.Count.ShouldBe(3);
        document.Value.Status.ShouldBe(SampleStatus.WaitingList);
        document.Value.Dates.ShouldBe([new DateTimeOffset(2026, 3, 12, 13, 0, 0, TimeSpan.Zero)]);
    }

    [Fact]
    public async Task CreateAsyncOfT_Enum_StoredAsKebabCaseStringWithCamelCaseNames()
    {
        await Store.CreateAsync(Key("typed"), new Sample("x", 1, SampleStatus.WaitingList, []));

        var raw = await Store.GetAsync(Key("typed"));

        raw.ShouldNotBeNull();
        using var json = JsonDocument.Parse(raw.Content.ToMemory());
        json.RootElement.GetProperty("status").GetString().ShouldBe("waiting-list");
        json.RootElement.GetProperty("count").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task GetAsyncOfT_KebabCaseEnumInJson_Deserializes()
    {
        await Store.CreateAsync(Key("typed"), Json("""{"name":"x","count":2,"status":"confirmed","dates":[]}"""));

        var document = await Store.GetAsync<Sample>(Key("typed"));

        document.ShouldNotBeNull();
        document.Value.Status.ShouldBe(SampleStatus.Confirmed);
        document.Value.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetAsyncOfT_MissingKey_ReturnsNull()
    {
        (await Store.GetAsync<Sample>(Key("missing"))).ShouldBeNull();
    }

    [Fact]
    public async Task CreateAsyncOfT_ExistingKey_ThrowsConflict()
    {
        await Store.CreateAsync(Key("typed"), new Counter(1));

        await Should.ThrowAsync<DocumentConflictException>(() => Store.CreateAsync(Key("typed"), new Counter(2)));

        (await Store.GetAsync<Counter>(Key("typed")))!.Value.Value.ShouldBe(1);
    }

    [Fact]
    public async Task UpdateAsync_MissingDocument_ReceivesNullAndCreates()
    {
        Counter? seen = new(-1);

        var result = await Store.UpdateAsync<Counter>(Key("counter"), current =>
        {
            seen = current;
            return new Counter(1);
        });

        seen.ShouldBeNull();
        result.Value.Value.ShouldBe(1);
        var stored = await Store.GetAsync<Counter>(Key("counter"));
        stored.ShouldNotBeNull();
        stored.Value.Value.ShouldBe(1);
        stored.ETag.ShouldBe(result.ETag);
    }

    [Fact]
    public async Task UpdateAsync_TwentyParallelIncrements_NoLostUpdate()
    {
        var increments = Enumerable.Range(0, Contenders).Select(_ => Task.Run(() =>
            // Every contender may lose to all the others once: the bound must exceed their number, whatever the machine's load.
            Store.UpdateAsync<Counter>(Key("counter"), current => new Counter((current?.Value ?? 0) + 1), maxAttempts: Contenders + 1)));

        var results = await Task.WhenAll(increments);

        var stored = await Store.GetAsync<Counter>(Key("counter"));
        stored.ShouldNotBeNull();
        stored.Value.Value.ShouldBe(Contenders);
        results.Select(result => result.Value.Value).ShouldBe(Enumerable.Range(1, Contenders), ignoreOrder: true);
    }

    [Fact]
    public async Task UpdateAsync_AlwaysConflicting_GivesUpAfterMaxAttempts()
    {
        await Store.CreateAsync(Key("counter"), new Counter(0));
        var calls = 0;

        // Every attempt is overtaken by another writer between the read and the write.
        await Should.ThrowAsync<DocumentConflictException>(() => Store.UpdateAsync<Counter>(
            Key("counter"),
            current =>
            {
                calls++;
                Store.UpsertAsync(Key("counter"), new Counter(1000 + calls)).GetAwaiter().GetResult();
                return new Counter(current!.Value + 1);
            },
            maxAttempts: 3));

        calls.ShouldBe(3);
        (await Store.GetAsync<Counter>(Key("counter")))!.Value.Value.ShouldBe(1003);
    }

    [Fact]
    public async Task UpdateAsyncWithOutcome_OvertakenOnce_RereadsDecidesAgainAndWrites()
    {
        await Store.CreateAsync(Key("counter"), new Counter(0));
        var seen = new List<int>();

        var update = await Store.UpdateAsync<Counter, string>(Key("counter"), current =>
        {
            seen.Add(current!.Value);
            if (seen.Count == 1)
            {
                Store.UpsertAsync(Key("counter"), new Counter(10)).GetAwaiter().GetResult();
            }

            return (new Counter(current.Value + 1), $"from {current.Value}");
        });

        seen.ShouldBe([0, 10]);
        update.Outcome.ShouldBe("from 10");
        update.Read!.Value.Value.ShouldBe(10);
        var stored = await Store.GetAsync<Counter>(Key("counter"));
        stored!.Value.Value.ShouldBe(11);
        update.Written!.ETag.ShouldBe(stored.ETag);
    }

    [Fact]
    public async Task UpdateAsyncWithOutcome_MissingAndCreatedMeanwhile_RereadsAndReplaces()
    {
        var seen = new List<int?>();

        var update = await Store.UpdateAsync<Counter, bool>(Key("counter"), current =>
        {
            seen.Add(current?.Value);
            if (current is null)
            {
                Store.CreateAsync(Key("counter"), new Counter(5)).GetAwaiter().GetResult();
            }

            return (new Counter((current?.Value ?? 0) + 1), true);
        });

        seen.ShouldBe([null, 5]);
        update.Written!.Value.Value.ShouldBe(6);
        (await Store.GetAsync<Counter>(Key("counter")))!.Value.Value.ShouldBe(6);
    }

    [Fact]
    public async Task UpdateAsyncWithOutcome_AlwaysOvertaken_ThrowsConflictAfterTheBound()
    {
        await Store.CreateAsync(Key("counter"), new Counter(0));
        var calls = 0;

        await Should.ThrowAsync<DocumentConflictException>(() => Store.UpdateAsync<Counter, int>(
            Key("counter"),
            current =>
            {
                calls++;
                Store.UpsertAsync(Key("counter"), new Counter(1000 + calls)).GetAwaiter().GetResult();
                return (new Counter(current!.Value + 1), calls);
            },
            ConflictRetry.Immediate(4)));

        calls.ShouldBe(4);
        (await Store.GetAsync<Counter>(Key("counter")))!.Value.Value.ShouldBe(1004);
    }

    [Fact]
    public async Task UpdateAsyncWithOutcome_Refused_WritesNothingAndReturnsTheOutcome()
    {
        var etag = await Store.CreateAsync(Key("counter"), new Counter(3));

        var refused = await Store.UpdateAsync<Counter, string>(Key("counter"), current => (null, $"refused at {current!.Value}"));
        var absent = await Store.UpdateAsync<Counter, string>(Key("absent"), current => (null, current is null ? "none" : "some"));

        refused.Outcome.ShouldBe("refused at 3");
        refused.Written.ShouldBeNull();
        refused.Read!.ETag.ShouldBe(etag);
        (await Store.GetAsync<Counter>(Key("counter")))!.ETag.ShouldBe(etag);
        absent.Outcome.ShouldBe("none");
        absent.Read.ShouldBeNull();
        (await Store.GetAsync(Key("absent"))).ShouldBeNull();
    }

    [Fact]
    public async Task UpdateAsyncWithOutcome_ChangeThrowsItsOwnException_PropagatesAndWritesNothing()
    {
        var etag = await Store.CreateAsync(Key("counter"), new Counter(3));

        await Should.ThrowAsync<InvalidOperationException>(() => Store.UpdateAsync<Counter, int>(
            Key("counter"), _ => throw new InvalidOperationException("no longer fits")));

        (await Store.GetAsync<Counter>(Key("counter")))!.ETag.ShouldBe(etag);
    }

    [Fact]
    public async Task UpdateFromAsync_StaleRead_DecidesOnItFirstThenOnAFreshRead()
    {
        await Store.CreateAsync(Key("counter"), new Counter(1));
        var read = await Store.GetAsync<Counter>(Key("counter"));
        await Store.UpsertAsync(Key("counter"), new Counter(2));
        var seen = new List<int>();

        var update = await Store.UpdateFromAsync<Counter, int>(Key("counter"), read, current =>
        {
            seen.Add(current!.Value);
            return (new Counter(current.Value * 10), seen.Count);
        });

        seen.ShouldBe([1, 2]);
        update.Outcome.ShouldBe(2);
        (await Store.GetAsync<Counter>(Key("counter")))!.Value.Value.ShouldBe(20);
    }

    [Fact]
    public async Task CreateAsync_TwentyParallelOnSameKey_ExactlyOneSucceeds()
    {
        var attempts = Enumerable.Range(0, Contenders).Select(i => Task.Run(async () =>
        {
            try
            {
                string? etag = await Store.CreateAsync(Key("ballot/namur"), new Counter(i));
                return (Winner: (int?)i, ETag: etag);
            }
            catch (DocumentConflictException ex) when (ex.Reason == ConflictReason.AlreadyExists)
            {
                return (Winner: (int?)null, ETag: (string?)null);
            }
        }));

        var outcomes = await Task.WhenAll(attempts);

        var winners = outcomes.Where(outcome => outcome.Winner is not null).ToList();
        winners.Count.ShouldBe(1);
        outcomes.Count(outcome => outcome.Winner is null).ShouldBe(Contenders - 1);
        var stored = await Store.GetAsync<Counter>(Key("ballot/namur"));
        stored.ShouldNotBeNull();
        stored.Value.Value.ShouldBe(winners[0].Winner!.Value);
        stored.ETag.ShouldBe(winners[0].ETag);
    }

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task AnyOperation_InvalidKey_ThrowsArgumentExceptionAndWritesNothing(string key)
    {
        var existing = await Store.CreateAsync(Key("existing"), Json("{}"));
        var before = await ListAsync(string.Empty);

        await Should.ThrowAsync<ArgumentException>(() => Store.CreateAsync(key, Json("{}")));
        await Should.ThrowAsync<ArgumentException>(() => Store.UpsertAsync(key, Json("{}")));
        await Should.ThrowAsync<ArgumentException>(() => Store.ReplaceAsync(key, Json("{}"), existing));
        await Should.ThrowAsync<ArgumentException>(() => Store.DeleteAsync(key));
        await Should.ThrowAsync<ArgumentException>(() => Store.GetAsync(key));

        (await ListAsync(string.Empty)).ShouldBe(before, ignoreOrder: true);
        AssertNothingWrittenOutside();
    }

    [Fact]
    public async Task Segment_ConversationIdWithSeparators_IsOneValidSegmentThatRoundTrips()
    {
        var segment = DocumentKey.Segment("a:1;b/c d");

        segment.ShouldNotContain('/');
        segment.ShouldNotContain(' ');
        Should.NotThrow(() => DocumentKey.Validate(segment));
        DocumentKey.Segment("a:1;b/c d-other").ShouldNotBe(segment);

        await Store.CreateAsync(Key("conversations/" + segment), Json("""{"v":1}"""));

        (await Store.GetAsync(Key("conversations/" + segment)))!.Content.ToString().ShouldBe("""{"v":1}""");
        (await ListAsync(Key("conversations/"))).ShouldBe([Key("conversations/" + segment)]);
    }

    [Theory]
    [InlineData(".hidden")]
    [InlineData("..")]
    [InlineData("a/../../etc")]
    [InlineData("19:meeting_x@thread.v2;messageid=1")]
    public void Segment_AnyText_IsAValidKeyOnItsOwn(string value)
    {
        var segment = DocumentKey.Segment(value);

        segment.ShouldNotContain('/');
        DocumentKey.Validate(segment).ShouldBe(segment);
    }

    [Theory]
    [MemberData(nameof(RealIds))]
    public async Task AnyOperation_KeyOfARealShapedOrLongId_WorksAndItsListedKeyReadsTheSameDocument(string id)
    {
        var key = Key("ids/" + DocumentKey.Segment(id));

        var created = await Store.CreateAsync(key, Json("""{"v":1}"""));
        var replaced = await Store.ReplaceAsync(key, Json("""{"v":2}"""), created);
        var listed = (await ListAsync(Key("ids/"))).ShouldHaveSingleItem();
        var read = await Store.GetAsync(key);
        var readAsListed = await Store.GetAsync(listed);
        var conflict = await Should.ThrowAsync<DocumentConflictException>(() => Store.CreateAsync(listed, Json("{}")));
        var deleted = await Store.DeleteAsync(listed, replaced);

        read!.Content.ToString().ShouldBe("""{"v":2}""");
        read.ETag.ShouldBe(replaced);
        readAsListed!.ETag.ShouldBe(replaced);
        conflict.Reason.ShouldBe(ConflictReason.AlreadyExists);
        deleted.ShouldBeTrue();
        (await Store.GetAsync(key)).ShouldBeNull();
        (await ListAsync(Key("ids/"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateAsync_IdsThatLookAlike_EachGetsItsOwnDocument()
    {
        var conversation = RealTeamsIds.PersonalConversation("megan", 1000);
        var sharedStart = conversation[..600];
        string[] ids =
        [
            conversation, conversation.ToUpperInvariant(), conversation.ToLowerInvariant(), conversation[..^1] + "X", conversation[..^1] + "x",
            sharedStart + "-1", sharedStart + "-2", conversation[..200] + "A", conversation[..200] + "a",
            RealTeamsIds.User("megan"), RealTeamsIds.User("megan").ToUpperInvariant(),
            "a:1b", "a%3A1b", "a%253A1b", ".x", "%2Ex", "x y", "x+y", "x%20y",
            "19:x@thread.tacv2", "19:x@thread.v2", "19:X@thread.tacv2",
        ];

        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            await Store.CreateAsync(Key("ids/" + DocumentKey.Segment(id)), new Counter(index));
        }

        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            (await Store.GetAsync<Counter>(Key("ids/" + DocumentKey.Segment(id))))!.Value.Value.ShouldBe(index, id);
        }

        (await ListAsync(Key("ids/"))).Count.ShouldBe(ids.Length);
    }

    [Fact]
    public async Task ListKeysAsync_PrefixWithALongSegment_FindsTheKeysUnderIt()
    {
        var conversation = DocumentKey.Segment(RealTeamsIds.PersonalConversation("megan", 1000));
        await Store.CreateAsync(Key($"conversations/{conversation}/a"), Json("{}"));
        await Store.CreateAsync(Key($"conversations/{conversation}/b"), Json("{}"));
        await Store.CreateAsync(Key($"conversations/{conversation[..^1]}/a"), Json("{}"));

        var keys = await ListAsync(Key($"conversations/{conversation}/"));

        keys.Count.ShouldBe(2);
        foreach (var key in keys)
        {
            (await Store.GetAsync(key)).ShouldNotBeNull();
        }

        (await ListAsync(Key("conversations/" + conversation[..100]))).Count.ShouldBe(3);
        await Should.ThrowAsync<InvalidDocumentKeyException>(() => ListAsync(Key("conversations/" + conversation[..101])));
    }

    /// <summary>Implementations whose storage can be seen from outside check that a rejected key left no trace there.</summary>
    protected virtual void AssertNothingWrittenOutside()
    {
    }

    protected async Task<List<string>> ListAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in Store.ListKeysAsync(prefix))
        {
            keys.Add(key);
        }

        return keys;
    }

    public enum SampleStatus
    {
        Confirmed,
        WaitingList,
    }

    public sealed record Sample(string Name, int Count, SampleStatus Status, IReadOnlyList<DateTimeOffset> Dates);

    public sealed record Counter(int Value);
}

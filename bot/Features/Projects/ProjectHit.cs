using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace BepBot.Features.Projects;

public sealed record ProjectHit(Project Project, float Score);

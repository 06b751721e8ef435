#pragma once
// Training samples (DESIGN §2, "source code" of the data program) and the options of synthesis.
// Plain value types that travel between threads.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace proda {

enum class SampleFormat { Qa, Mcq, Tf };
enum class SampleOrigin { Synth, Patch, Replay };

std::string_view toString(SampleFormat f);
std::string_view toString(SampleOrigin o);
std::optional<SampleFormat> sampleFormatFromString(std::string_view s);
std::optional<SampleOrigin> sampleOriginFromString(std::string_view s);

struct Sample {
    std::string id; // sampleIdFor(format, prompt, response)
    SampleFormat format = SampleFormat::Qa;
    std::string prompt, response;
    std::vector<std::string> options; // mcq only: four options, in display order
    std::string answer;               // mcq: "A".."D"; tf: "true"/"false"; qa: empty
    std::string templateId;           // e.g. "qa.rel.CAUSAL.fwd.1"
    std::string discipline;           // discipline name
    SampleOrigin origin = SampleOrigin::Synth;
    std::vector<std::string> l1Ids, l2Ids; // what the sample teaches (never distractors)
    std::string metadataJson = "{}";       // distractor operators, perturbations, ...
};

// Stable id from content: the same question with the same answer is the same sample.
std::string sampleIdFor(SampleFormat f, std::string_view prompt, std::string_view response);

struct SynthOptions {
    std::int64_t size = 1000;
    double qa = 0.4, mcq = 0.3, tf = 0.3; // format ratios; normalised by their sum
    std::uint64_t seed = 1;
    // Share of samples built from concept definitions (L1); the rest come from relations (L2).
    // Falls back to what the knowledge has when one of the two is missing.
    double l1Share = 0.25;
    // Template id prefixes to use ("qa.def", "mcq.rel.CAUSAL", ...); empty = all templates.
    std::vector<std::string> templates;
};

struct SynthReport {
    std::int64_t requested = 0;
    std::map<std::string, std::int64_t> targetByFormat, producedByFormat, templatesUsed;
    std::int64_t duplicatesRemoved = 0;  // candidates dropped because the same sample existed
    std::int64_t rejected = 0;           // candidates dropped by validation (no valid distractors, ...)
    std::int64_t curatorRejected = 0;    // left out because a curator rejected them in review
    std::vector<std::string> shortfalls; // formats whose target the knowledge could not reach
    std::int64_t conceptsUsed = 0, relationsUsed = 0;
    std::int64_t conceptsTotal = 0, relationsTotal = 0;
    double loadSeconds = 0, generateSeconds = 0;
};

} // namespace proda

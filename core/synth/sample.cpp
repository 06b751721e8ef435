#include "synth/sample.h"

#include "util/text.h"

namespace proda {

std::string_view toString(SampleFormat f) {
    switch (f) {
    case SampleFormat::Qa: return "qa";
    case SampleFormat::Mcq: return "mcq";
    case SampleFormat::Tf: return "tf";
    }
    return "qa";
}

std::string_view toString(SampleOrigin o) {
    switch (o) {
    case SampleOrigin::Synth: return "synth";
    case SampleOrigin::Patch: return "patch";
    case SampleOrigin::Replay: return "replay";
    }
    return "synth";
}

std::optional<SampleFormat> sampleFormatFromString(std::string_view s) {
    for (auto f : {SampleFormat::Qa, SampleFormat::Mcq, SampleFormat::Tf})
        if (toString(f) == s) return f;
    return std::nullopt;
}

std::optional<SampleOrigin> sampleOriginFromString(std::string_view s) {
    for (auto o : {SampleOrigin::Synth, SampleOrigin::Patch, SampleOrigin::Replay})
        if (toString(o) == s) return o;
    return std::nullopt;
}

std::string sampleIdFor(SampleFormat f, std::string_view prompt, std::string_view response) {
    return stableId('s', {toString(f), prompt, response});
}

} // namespace proda

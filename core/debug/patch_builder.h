#pragma once
// The text of patch samples (internal to patches.cpp). Template ids start with "patch." so that
// a dataset version tells synthesized and repair samples apart.
#include "synth/sample.h"

#include <set>
#include <string>
#include <vector>

namespace proda {
struct GraphChain;
}

namespace proda::debug {

class DebugKnowledge;

// Relation s -p-> o against up to `neighbours` confusable wrong objects: qa (is / is not, how it
// differs), mcq (the object among look-alikes), tf (a false twin, and the true statement).
std::vector<Sample> contrastRelation(const DebugKnowledge& k, int edge, int neighbours);
// Concept against same-kind concepts with other definitions.
std::vector<Sample> contrastConcept(const DebugKnowledge& k, int node, int neighbours);
// A fact the round's dataset taught but the model did not learn: the same fact again, plainly, in
// the probe's forms (a completion, the true claim beside a false twin, the object among three
// verified-false ones), twice in each format that did not teach it (`taughtFormats`: "qa", "mcq",
// "tf") — more passes and other formats of what the data already says, nothing new to learn.
std::vector<Sample> reinforceRelation(const DebugKnowledge& k, int edge, const std::set<std::string>& taughtFormats);
std::vector<Sample> reinforceConcept(const DebugKnowledge& k, int node, const std::set<std::string>& taughtFormats);
// Each hop stated, then the composed conclusion: qa, mcq (the end among verified-false ends),
// tf (a false end, corrected step by step).
std::vector<Sample> scaffoldChain(const DebugKnowledge& k, const GraphChain& c);

} // namespace proda::debug

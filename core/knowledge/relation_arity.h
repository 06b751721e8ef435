#pragma once
// How many objects a relation read from free text leaves room for. A dictionary states "Scheme is a
// dialect of Lisp" about the one Lisp there is, but "C has a macro preprocessor" about one of the
// many things C has, most of which the entry never lists. An item that asks for a concept reached
// through the second kind ("C has X") has as many right answers as the world has, and the
// knowledge structure cannot tell them from its distractors.
#include <string_view>

#include "knowledge/types.h"

namespace proda {

// True when the predicate names the one object its subject has: a genus, a whole, an origin,
// a lineage ("is a version of", "is based on", "was developed by", "is written in").
bool namesTheOneObject(RelationType type, std::string_view predicate);

// True when an is-a predicate read from text says what kind of thing its subject is ("is a", "is a
// kind of", "is a form of"), not where it comes from ("is a version of", "is a dialect of", "is an
// implementation of"): "CMU Common Lisp is an implementation of Common Lisp" makes Common Lisp no
// category, "PostScript is a page description language" makes one.
bool statesAGenus(std::string_view predicate);

} // namespace proda

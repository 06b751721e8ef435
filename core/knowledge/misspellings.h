#pragma once
// Misspellings a corpus carries ("Univeristy of Melbourne", "a peice of text", "the Berkley RISC
// design"): a rare word one slip of the keyboard from a word the corpus uses often. Read from the
// corpus alone, so technical names stay (they are frequent, or no frequent word is a slip away).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace proda {

// For each text, the first word that looks misspelt, or empty. A word is misspelt when it is
// rare in the texts (at most twice), five letters or more, not `known` (a term of the corpus),
// not an inflection of a word the texts use ("cases"), and two adjacent letters swapped or one
// letter left out give a word used at least five times, and five times as often. A letter added
// makes another word too often ("width", "Boeing"), and spelling variants are no slip: a
// doubled letter ("modeling"), "-our"/"-or", "-re"/"-er", "judgement", an ending.
std::vector<std::string> misspeltWords(const std::vector<std::string_view>& texts,
                                       const std::function<bool(const std::string&)>& known = {});

} // namespace proda

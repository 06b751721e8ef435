#pragma once
// Reading a model's choice out of free text (chat endpoints, OpenCompass predictions): "B",
// "(B)", "b) ...", "Answer: B", "The answer is (B).", or the option text itself. Qt-free so that
// imports in proda_core and the endpoint model in proda_llm share one parser.
#include <string>
#include <string_view>
#include <vector>

namespace proda::debug {

// The option index, or -1 when the reply names no option (or names several).
int parseChoice(std::string_view reply, const std::vector<std::string>& options);

} // namespace proda::debug

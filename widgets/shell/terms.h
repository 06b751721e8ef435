#pragma once
// The words the interface shows for values the project stores as codes (a review status, a
// run's status, a diagnosis verdict): translated for display, while filters, sorting and
// comparisons keep using the stored code. An unknown code is shown as it is.
#include <QString>

#include <string>

namespace proda::terms {

// proposed | accepted | rejected | edited
QString reviewStatus(const std::string& status);
// running | finished | stopped | failed
QString runStatus(const std::string& status);
// concept_gap | reasoning_deficit
QString verdict(const std::string& verdict);

} // namespace proda::terms

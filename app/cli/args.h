#pragma once
// A small, strict command-line parser for `proda VERB PROJECT [args]`: options are declared per
// verb, unknown ones are usage errors (exit 1), `--help` works on every verb.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace proda::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string name;  // without dashes
    std::string value; // placeholder for the value, empty for a flag
    std::string help;
};

// --json as most verbs word it.
inline const OptionSpec kJson{"json", "", "print JSON instead of text"};

// A verb's own options followed by a set it shares with other verbs.
inline std::vector<OptionSpec> withOptions(std::vector<OptionSpec> own, const std::vector<OptionSpec>& shared) {
    own.insert(own.end(), shared.begin(), shared.end());
    return own;
}

class Args {
  public:
    Args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs);

    const std::vector<std::string>& positional() const { return positional_; }
    bool flag(const std::string& name) const { return flags_.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    std::string require(const std::string& name) const;
    long integer(const std::string& name, long fallback, long min, long max) const;
    // A decimal number in [min, max] (in (min, max] when aboveMin), or fallback when absent.
    double number(const std::string& name, double fallback, double min, double max, bool aboveMin = false) const;

  private:
    std::vector<std::string> positional_;
    std::map<std::string, std::string> values_;
    std::map<std::string, bool> flags_;
};

} // namespace proda::cli

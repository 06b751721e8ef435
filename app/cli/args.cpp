#include "cli/args.h"

namespace proda::cli {

Args::Args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs) {
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
            positional_.push_back(a);
            continue;
        }
        std::string name = a.substr(2), val;
        bool hasInline = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            val = name.substr(eq + 1);
            name = name.substr(0, eq);
            hasInline = true;
        }
        const OptionSpec* spec = nullptr;
        for (const auto& s : specs)
            if (s.name == name) spec = &s;
        if (!spec) throw UsageError("unknown option --" + name);
        if (spec->value.empty()) {
            if (hasInline) throw UsageError("--" + name + " takes no value");
            flags_[name] = true;
        } else {
            if (!hasInline) {
                if (i + 1 >= argv.size()) throw UsageError("--" + name + " needs a value (" + spec->value + ")");
                val = argv[++i];
            }
            values_[name] = val;
        }
    }
}

std::optional<std::string> Args::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Args::require(const std::string& name) const {
    auto v = value(name);
    if (!v) throw UsageError("--" + name + " is required");
    return *v;
}

long Args::integer(const std::string& name, long fallback, long min, long max) const {
    auto v = value(name);
    if (!v) return fallback;
    std::size_t used = 0;
    long n = 0;
    try {
        n = std::stol(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v->size() || v->empty()) throw UsageError("--" + name + " expects a whole number, got '" + *v + "'");
    if (n < min || n > max)
        throw UsageError("--" + name + " must be between " + std::to_string(min) + " and " + std::to_string(max));
    return n;
}

double Args::number(const std::string& name, double fallback, double min, double max, bool aboveMin) const {
    auto v = value(name);
    if (!v) return fallback;
    std::size_t used = 0;
    double d = 0;
    try {
        d = std::stod(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    const auto shown = [](double x) {
        std::string s = std::to_string(x);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    };
    if (used != v->size() || v->empty() || !(d == d))
        throw UsageError("--" + name + " expects a number, got '" + *v + "'");
    if (d < min || d > max || (aboveMin && d == min))
        throw UsageError("--" + name + " must be " + (aboveMin ? "above " : "at least ") + shown(min) +
                         " and at most " + shown(max) + ", got '" + *v + "'");
    return d;
}

} // namespace proda::cli

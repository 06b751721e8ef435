#include "debug/import_results.h"

#include "debug/choice_parse.h"
#include "debug/patch_leaks.h"
#include "tester/item_store.h"
#include "util/error.h"
#include "util/text.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace proda::debug {

namespace {

using nlohmann::json;

struct Context {
    const std::string& file;
    std::unordered_map<std::string, Item> items;
    std::unordered_map<std::string, std::string> byQuestion; // spaced question words -> item id
    std::unordered_set<std::string> seen;
    ImportedResults out;
};

[[noreturn]] void fail(const Context& c, long line, const std::string& field, const std::string& what) {
    throw InputError(c.file, line, field, what);
}

// lm-eval writes log-likelihoods as numbers or strings, alone or as [loglik, is_greedy].
double loglik(const Context& c, long line, const std::string& field, const json& v) {
    const json& x = v.is_array() && !v.empty() ? v[0] : v;
    if (x.is_number()) return x.get<double>();
    if (x.is_string()) {
        try {
            std::size_t used = 0;
            const double d = std::stod(x.get<std::string>(), &used);
            if (used == x.get<std::string>().size()) return d;
        } catch (const std::exception&) {
        }
    }
    fail(c, line, field, "expected a log-likelihood (a number, or [number, is_greedy]), not " + x.dump());
}

void add(Context& c, long line, const std::string& field, const std::string& itemId, int predicted,
         std::vector<double> scores, std::optional<bool> correctNorm) {
    auto it = c.items.find(itemId);
    if (it == c.items.end())
        fail(c, line, field, "no benchmark item '" + itemId + "' in the project (was the file made from its export?)");
    if (!c.seen.insert(itemId).second) fail(c, line, field, "item '" + itemId + "' appears twice");
    Prediction p;
    p.itemId = itemId;
    p.predicted = predicted;
    p.correct = predicted == it->second.answer;
    p.correctNorm = correctNorm;
    p.scores = std::move(scores);
    p.split = it->second.split;
    if (predicted < 0) ++c.out.unparsedAnswers;
    c.out.predictions.push_back(std::move(p));
}

void readLmEval(Context& c, std::istream& in) {
    std::string text;
    long line = 0;
    while (std::getline(in, text)) {
        ++line;
        if (trim(text).empty()) continue;
        const json j = json::parse(text, nullptr, false);
        if (j.is_discarded())
            fail(c, line, "", "malformed JSON (is this an lm-eval --log_samples samples_*.jsonl file?)");
        if (!j.is_object()) fail(c, line, "", "expected a JSON object");
        if (!j.contains("doc") || !j["doc"].is_object()) fail(c, line, "doc", "missing (the logged document)");
        const json& doc = j["doc"];
        if (!doc.contains("id") || !doc["id"].is_string())
            fail(c, line, "doc.id", "missing: the task must be the one `proda export --format lm-eval` writes");
        const std::string id = doc["id"].get<std::string>();
        const char* respField = j.contains("filtered_resps") ? "filtered_resps" : "resps";
        if (!j.contains(respField) || !j[respField].is_array())
            fail(c, line, "filtered_resps", "missing (per-option log-likelihoods)");
        std::vector<double> scores;
        for (std::size_t i = 0; i < j[respField].size(); ++i) {
            const json& r = j[respField][i];
            // resps nests one level deeper: [[[loglik, greedy]], ...].
            const json& v =
                std::string(respField) == "resps" && r.is_array() && !r.empty() && r[0].is_array() ? r[0] : r;
            scores.push_back(loglik(c, line, std::string(respField) + "[" + std::to_string(i) + "]", v));
        }
        if (scores.size() != 4) fail(c, line, respField, "expected 4 options, found " + std::to_string(scores.size()));
        if (j.contains("target") && j["target"].is_number_integer()) {
            const auto item = c.items.find(id);
            if (item != c.items.end() && j["target"].get<int>() != item->second.answer)
                fail(c, line, "target",
                     "the file's answer " + j["target"].dump() + " differs from item '" + id + "' (answer " +
                         std::to_string(item->second.answer) + "): the items changed since the export");
        }
        int best = 0;
        for (int i = 1; i < 4; ++i)
            if (scores[i] > scores[best]) best = i;
        std::optional<bool> norm;
        if (j.contains("acc_norm") && j["acc_norm"].is_number()) norm = j["acc_norm"].get<double>() > 0.5;
        ++c.out.records;
        add(c, line, "doc.id", id, best, std::move(scores), norm);
    }
}

std::string promptText(const json& p) {
    if (p.is_string()) return p.get<std::string>();
    std::string s;
    if (p.is_array())
        for (const auto& m : p) {
            if (m.is_object() && m.contains("prompt") && m["prompt"].is_string())
                s += m["prompt"].get<std::string>() + "\n";
            else if (m.is_string())
                s += m.get<std::string>() + "\n";
        }
    return s;
}

// The item whose question is one line of the prompt (OpenCompass records the rendered prompt).
std::string itemOfPrompt(const Context& c, const std::string& prompt) {
    std::istringstream lines(prompt);
    for (std::string l; std::getline(lines, l);) {
        for (const char* prefix : {"Question:", "question:", "Q:"})
            if (l.rfind(prefix, 0) == 0) l = l.substr(std::char_traits<char>::length(prefix));
        auto it = c.byQuestion.find(spacedWords(l));
        if (it != c.byQuestion.end()) return it->second;
    }
    return {};
}

std::string answerText(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array() && !v.empty() && v[0].is_string()) return v[0].get<std::string>();
    return {};
}

void readOpenCompass(Context& c, std::istream& in) {
    const json j = json::parse(in, nullptr, false);
    if (j.is_discarded()) fail(c, 0, "", "malformed JSON (expected OpenCompass per-sample predictions or results)");
    const json& entries = j.is_object() && j.contains("details") ? j["details"] : j;
    if (!entries.is_object() && !entries.is_array()) fail(c, 0, "", "expected an object of per-sample entries");
    long index = 0;
    for (auto it = entries.begin(); it != entries.end(); ++it, ++index) {
        const std::string key = entries.is_object() ? it.key() : std::to_string(index);
        const json& e = *it;
        if (!e.is_object()) fail(c, 0, key, "expected an object");
        std::string id;
        for (const char* f : {"item_id", "id"})
            if (e.contains(f) && e[f].is_string()) id = e[f].get<std::string>();
        const char* promptField = e.contains("origin_prompt") ? "origin_prompt" : "prompt";
        if (id.empty()) {
            if (!e.contains(promptField)) fail(c, 0, key + ".origin_prompt", "missing (needed to find the item)");
            id = itemOfPrompt(c, promptText(e[promptField]));
            if (id.empty()) fail(c, 0, key + "." + promptField, "no benchmark item's question appears in the prompt");
        }
        const char* predField = e.contains("prediction") ? "prediction" : "pred";
        if (!e.contains(predField)) fail(c, 0, key + ".prediction", "missing");
        const auto item = c.items.find(id);
        if (item == c.items.end()) fail(c, 0, key + ".id", "no benchmark item '" + id + "' in the project");
        const std::vector<std::string> options(item->second.options.begin(), item->second.options.end());
        const int predicted = parseChoice(answerText(e[predField]), options);
        for (const char* g : {"gold", "answer"})
            if (e.contains(g)) {
                const int gold = parseChoice(answerText(e[g]), options);
                if (gold >= 0 && gold != item->second.answer)
                    fail(c, 0, key + "." + g,
                         "the file's answer differs from item '" + id + "': the items changed since the export");
                break;
            }
        std::vector<double> scores(4, 0.0);
        if (predicted >= 0) scores[static_cast<std::size_t>(predicted)] = 1.0;
        ++c.out.records;
        add(c, 0, key, id, predicted, std::move(scores), std::nullopt);
    }
}

} // namespace

ImportedResults readResults(Database& db, const std::string& format, const std::string& file, int round) {
    if (format != "lm-eval" && format != "opencompass")
        throw InputError("format: unknown results format '" + format + "' (lm-eval or opencompass)");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file, 0, "", "cannot read the file");
    Context c{file, {}, {}, {}, {}};
    for (auto& it : loadItems(db)) {
        c.byQuestion.emplace(spacedWords(it.question), it.id);
        c.items.emplace(it.id, std::move(it));
    }
    if (format == "lm-eval")
        readLmEval(c, in);
    else
        readOpenCompass(c, in);
    if (c.out.predictions.empty()) throw InputError(file, 0, "", "no per-sample record in the file");
    c.out.itemsMissing =
        static_cast<std::int64_t>(c.items.size()) - static_cast<std::int64_t>(c.out.predictions.size());
    c.out.evaluation.round = round;
    c.out.evaluation.model = "import:" + format + ":" + file;
    c.out.evaluation.source = "import";
    c.out.evaluation.items = static_cast<std::int64_t>(c.out.predictions.size());
    return std::move(c.out);
}

} // namespace proda::debug

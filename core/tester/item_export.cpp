#include "tester/item_export.h"
#include "store/database.h"
#include "tester/item_store.h"
#include "util/error.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace proda {

namespace fs = std::filesystem;
using nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace {

constexpr const char* kTask = "proda_bench";

void writeAtomically(const std::string& path, const std::string& text) {
    const fs::path p(path);
    std::error_code ec;
    if (fs::is_directory(p, ec))
        throw InputError(path, 0, "", "is a directory: this format writes one file (give a file name)");
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    const std::string tmp = path + ".part";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f << text;
        if (!f.flush()) throw InputError(path, 0, "", "cannot write");
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove(tmp, ec);
        throw InputError(path, 0, "", "cannot write: " + why);
    }
}

// MMLU subjects are snake_case names ("abstract_algebra").
std::string subjectOf(const std::string& discipline) {
    std::string s;
    for (char c : discipline) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else if (!s.empty() && s.back() != '_')
            s.push_back('_');
    }
    while (!s.empty() && s.back() == '_') s.pop_back();
    return s;
}

std::vector<Item> itemsFor(Database& db, const std::string& split) {
    std::vector<Item> out;
    for (auto& it : loadItems(db, {split == "all" ? "" : split, "", ""}))
        if (it.status != "rejected") out.push_back(std::move(it));
    return out;
}

std::string mmluJsonl(const std::vector<Item>& items) {
    std::string s;
    for (const auto& it : items) {
        ojson j = {{"question", it.question},
                   {"subject", subjectOf(it.discipline)},
                   {"choices", it.options},
                   {"answer", it.answer},
                   {"id", it.id}};
        s += j.dump() + "\n";
    }
    return s;
}

// A YAML double-quoted scalar (JSON strings are valid YAML).
std::string yq(const std::string& s) { return json(s).dump(); }

std::string taskYaml(const std::string& testFile, const std::string& devFile) {
    std::string y = "# lm-evaluation-harness task written by ProDa Workbench (multiple choice, 4 options).\n";
    y += std::string("task: ") + kTask + "\n";
    y += "dataset_path: json\n";
    y += "dataset_kwargs:\n  data_files:\n    test: " + yq(fs::absolute(testFile).string()) + "\n";
    if (!devFile.empty()) y += "    dev: " + yq(fs::absolute(devFile).string()) + "\n";
    y += "output_type: multiple_choice\n";
    y += "test_split: test\n";
    if (!devFile.empty()) y += "fewshot_split: dev\nfewshot_config:\n  sampler: first_n\n";
    y += "doc_to_text: \"{{question.strip()}}\\nA. {{choices[0]}}\\nB. {{choices[1]}}\\nC. {{choices[2]}}\\nD. "
         "{{choices[3]}}\\nAnswer:\"\n";
    y += "doc_to_choice: [\"A\", \"B\", \"C\", \"D\"]\n";
    y += "doc_to_target: answer\n";
    y += "metric_list:\n  - metric: acc\n    aggregation: mean\n    higher_is_better: true\n";
    y += "metadata:\n  version: 1.0\n";
    return y;
}

// l1/l2 ids of a chain: its relations in order and the concepts they join.
std::pair<json, json> chainIds(Statement& st, const std::string& chainId) {
    json l1 = json::array(), l2 = json::array();
    st.reset();
    st.bind(1, chainId);
    while (st.step()) {
        l2.push_back(st.columnText(0));
        for (int c : {1, 2}) {
            const std::string id = st.columnText(c);
            if (std::find(l1.begin(), l1.end(), id) == l1.end()) l1.push_back(id);
        }
    }
    st.reset();
    return {l1, l2};
}

} // namespace

bool isItemExportFormat(const std::string& f) { return f == "mmlu" || f == "lm-eval" || f == "proda-items"; }

ItemExportSummary exportItems(Database& db, const std::string& format, const std::string& out,
                              const std::string& split) {
    if (split != "test" && split != "dev" && split != "all")
        throw InputError(std::string("split: ") + "unknown split '" + split + "' (test, dev or all)");
    ItemExportSummary s;
    const auto items = itemsFor(db, split);
    s.items = static_cast<std::int64_t>(items.size());
    if (format == "mmlu") {
        const std::string yaml = fs::path(out).replace_extension(".yaml").string();
        writeAtomically(out, mmluJsonl(items));
        writeAtomically(yaml, taskYaml(out, ""));
        s.files = {out, yaml};
    } else if (format == "lm-eval") {
        const std::string test = (fs::path(out) / (std::string(kTask) + ".jsonl")).string();
        const std::string yaml = (fs::path(out) / (std::string(kTask) + ".yaml")).string();
        writeAtomically(test, mmluJsonl(items));
        s.files = {test};
        std::string dev;
        if (split == "test") {
            const auto devItems = itemsFor(db, "dev");
            if (!devItems.empty()) {
                dev = (fs::path(out) / (std::string(kTask) + "_dev.jsonl")).string();
                writeAtomically(dev, mmluJsonl(devItems));
                s.files.push_back(dev);
            }
        }
        writeAtomically(yaml, taskYaml(test, dev));
        s.files.push_back(yaml);
    } else if (format == "proda-items") {
        Statement st = db.prepare(
            "SELECT r.id, r.subject, r.object FROM chain_relations cr JOIN relations r ON r.id = cr.relation_id "
            "WHERE cr.chain_id = ? ORDER BY cr.position");
        ojson arr = ojson::array();
        for (const auto& it : items) {
            auto [l1, l2] = chainIds(st, it.chainId);
            ojson opts;
            for (int i = 0; i < 4; ++i) opts[std::string(1, optionLetter(i))] = it.options[i];
            arr.push_back({{"sample_id", it.id},
                           {"chain_id", it.chainId},
                           {"question", it.question},
                           {"options", opts},
                           {"answer", std::string(1, optionLetter(it.answer))},
                           {"explanation", it.explanation},
                           {"l1_ids", l1},
                           {"l2_ids", l2},
                           {"discipline", it.discipline},
                           {"split", it.split},
                           {"shape", toString(it.shape)},
                           {"status", it.status}});
        }
        writeAtomically(out, arr.dump(2) + "\n");
        s.files = {out};
    } else {
        throw InputError(std::string("format: ") + "unknown item export format '" + format +
                         "' (mmlu, lm-eval or proda-items)");
    }
    return s;
}

} // namespace proda

#include "train/data.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <stdexcept>

namespace proda::train {

std::string promptFrame(std::string_view prompt) { return "Q: " + std::string(prompt) + "\nA:"; }
std::string responseFrame(std::string_view response) { return " " + std::string(response); }

std::uint64_t fnv1a64(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

void forEachJsonlObject(const std::string& path,
                        const std::function<void(const nlohmann::json& j, const JsonlFail& fail)>& visit) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::invalid_argument(path + ": cannot open");
    std::string line;
    long lineNo = 0;
    const JsonlFail fail = [&](const std::string& field, const std::string& what) {
        throw std::invalid_argument(path + ":" + std::to_string(lineNo) +
                                    (field.empty() ? "" : ": field '" + field + "'") + ": " + what);
    };
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) { // parse_error, or out_of_range for a number too large
            fail("", std::string("not valid JSON (") + e.what() + ")");
        }
        if (!j.is_object()) fail("", "expected an object");
        visit(j, fail);
    }
    if (!in.eof()) throw std::invalid_argument(path + ": read error after line " + std::to_string(lineNo));
}

std::vector<RawSample> readDataset(const std::string& path) {
    std::vector<RawSample> out;
    forEachJsonlObject(path, [&](const nlohmann::json& j, const JsonlFail& fail) {
        RawSample s;
        for (auto [key, dst] : {std::pair{"id", &s.id}, {"prompt", &s.prompt}, {"response", &s.response}}) {
            auto it = j.find(key);
            if (it == j.end() || !it->is_string()) fail(key, "missing or not a string");
            *dst = it->get<std::string>();
        }
        if (s.response.empty()) fail("response", "is empty");
        out.push_back(std::move(s));
    });
    return out;
}

std::vector<std::string> tokenizerLines(const std::vector<RawSample>& samples, int maxLines) {
    std::vector<std::string> lines;
    const std::size_t want = std::size_t(std::max(2, maxLines));
    const std::size_t stride = std::max<std::size_t>(1, (2 * samples.size() + want - 1) / want);
    for (std::size_t i = 0; i < samples.size(); i += std::max<std::size_t>(1, stride / 2)) {
        lines.push_back(promptFrame(samples[i].prompt));
        lines.push_back(responseFrame(samples[i].response));
    }
    return lines;
}

TokenizedData tokenize(const std::vector<RawSample>& samples, const Tokenizer& tok, int blockSize, double valFraction) {
    TokenizedData d;
    const std::uint64_t cut = valFraction <= 0 ? 0 : std::uint64_t(valFraction * 18446744073709551615.0);
    for (const auto& s : samples) {
        auto p = tok.encode(promptFrame(s.prompt));
        auto r = tok.encode(responseFrame(s.response));
        r.push_back(tok.eosId());
        const std::size_t limit = std::size_t(blockSize) + 1;
        if (p.size() + r.size() > limit) {
            ++d.truncated;
            // Keep the response whole when possible, cutting the prompt from the left.
            if (r.size() >= limit - 1) {
                r.resize(limit - 1);
                p.erase(p.begin(), p.end() - 1); // one prompt token is left to predict from
            } else {
                p.erase(p.begin(), p.begin() + std::ptrdiff_t(p.size() + r.size() - limit));
            }
        }
        Example e;
        e.tokens.reserve(p.size() + r.size());
        e.tokens.insert(e.tokens.end(), p.begin(), p.end());
        e.tokens.insert(e.tokens.end(), r.begin(), r.end());
        e.responseStart = std::int32_t(p.size());
        (fnv1a64(s.id) < cut ? d.val : d.train).push_back(std::move(e));
    }
    // A tiny dataset may hash nothing into validation; hold one example out so val loss exists.
    if (valFraction > 0 && d.val.empty() && d.train.size() >= 2) {
        d.val.push_back(std::move(d.train.back()));
        d.train.pop_back();
    }
    return d;
}

std::vector<Window> packWindows(const std::vector<Example>& examples, const std::vector<std::uint32_t>& order,
                                int blockSize) {
    std::vector<Window> windows;
    Window cur;
    for (std::uint32_t i : order) {
        const int need = int(examples[i].tokens.size()) - 1;
        if (need <= 0) continue;
        if (cur.used + need > blockSize && !cur.examples.empty()) {
            windows.push_back(std::move(cur));
            cur = {};
        }
        cur.examples.push_back(i);
        cur.used += need;
        cur.lossTokens += examples[i].lossTokens();
    }
    if (!cur.examples.empty()) windows.push_back(std::move(cur));
    return windows;
}

WindowStream::WindowStream(const std::vector<Example>& examples, int blockSize, std::uint64_t seed)
    : examples_(examples), blockSize_(blockSize), seed_(seed) {
    build();
}

void WindowStream::build() {
    std::vector<std::uint32_t> order(examples_.size());
    std::iota(order.begin(), order.end(), 0u);
    // std::shuffle's output is not specified across standard libraries; a Fisher-Yates over
    // mt19937_64 is, so a run directory reproduces on any machine.
    std::mt19937_64 rng(seed_ * 0x9E3779B97F4A7C15ull + std::uint64_t(epoch_));
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    windows_ = packWindows(examples_, order, blockSize_);
    if (windows_.empty()) throw std::invalid_argument("dataset: no training example has a response to learn");
}

std::vector<Window> WindowStream::take(int n) {
    std::vector<Window> out;
    out.reserve(std::size_t(n));
    while (int(out.size()) < n) {
        if (cursor_ >= std::int64_t(windows_.size())) {
            ++epoch_;
            cursor_ = 0;
            build();
        }
        out.push_back(windows_[std::size_t(cursor_++)]);
    }
    return out;
}

void WindowStream::seek(std::int64_t epoch, std::int64_t cursor) {
    if (epoch != epoch_) {
        epoch_ = epoch;
        build();
    }
    cursor_ = cursor;
}

double WindowStream::epochProgress() const {
    return double(epoch_) + (windows_.empty() ? 0.0 : double(cursor_) / double(windows_.size()));
}

} // namespace proda::train

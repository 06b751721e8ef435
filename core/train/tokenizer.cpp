#include "train/tokenizer.h"

#include "train/spm_bridge.h"

#include <dlfcn.h>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <unistd.h>
#include <utility>

namespace proda::train {

namespace fs = std::filesystem;

namespace {

// The bridge's entry points, resolved once.
struct Bridge {
    decltype(&proda_spm_load) load;
    decltype(&proda_spm_free) free;
    decltype(&proda_spm_train) train;
    decltype(&proda_spm_encode) encode;
    decltype(&proda_spm_decode) decode;
    decltype(&proda_spm_piece_size) pieceSize;
    decltype(&proda_spm_eos_id) eosId;
    decltype(&proda_spm_pad_id) padId;
    decltype(&proda_spm_release) release;
};

std::vector<std::string> bridgeCandidates() {
    std::vector<std::string> c;
    if (const char* env = std::getenv("PRODA_SPM_LIB"); env && *env) c.emplace_back(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        c.push_back((exe.parent_path() / "libproda_spm.so").string());
        c.push_back((exe.parent_path() / "../lib/proda/libproda_spm.so").string());
    }
#ifdef PRODA_SPM_BUILD_PATH
    c.emplace_back(PRODA_SPM_BUILD_PATH);
#endif
    c.emplace_back("libproda_spm.so");
    return c;
}

const Bridge& bridge() {
    static Bridge b;
    static std::once_flag once;
    static std::string failure;
    std::call_once(once, [] {
        void* h = nullptr;
        std::string tried;
        for (const auto& path : bridgeCandidates()) {
            if (path.find('/') != std::string::npos && !fs::exists(path)) continue;
            h = dlmopen(LM_ID_NEWLM, path.c_str(), RTLD_NOW | RTLD_LOCAL);
            if (h) break;
            tried += "\n  " + path + ": " + dlerror();
        }
        if (!h) {
            failure = "cannot load libproda_spm.so (SentencePiece bridge); set PRODA_SPM_LIB" + tried;
            return;
        }
        auto sym = [&](const char* name) {
            void* p = dlsym(h, name);
            if (!p) failure = std::string("libproda_spm.so lacks ") + name;
            return p;
        };
        b.load = reinterpret_cast<decltype(b.load)>(sym("proda_spm_load"));
        b.free = reinterpret_cast<decltype(b.free)>(sym("proda_spm_free"));
        b.train = reinterpret_cast<decltype(b.train)>(sym("proda_spm_train"));
        b.encode = reinterpret_cast<decltype(b.encode)>(sym("proda_spm_encode"));
        b.decode = reinterpret_cast<decltype(b.decode)>(sym("proda_spm_decode"));
        b.pieceSize = reinterpret_cast<decltype(b.pieceSize)>(sym("proda_spm_piece_size"));
        b.eosId = reinterpret_cast<decltype(b.eosId)>(sym("proda_spm_eos_id"));
        b.padId = reinterpret_cast<decltype(b.padId)>(sym("proda_spm_pad_id"));
        b.release = reinterpret_cast<decltype(b.release)>(sym("proda_spm_release"));
    });
    if (!failure.empty()) throw std::runtime_error(failure);
    return b;
}

std::string takeError(char* e) {
    std::string s = e ? e : "unknown error";
    if (e) bridge().release(e);
    return s;
}

} // namespace

Tokenizer::Tokenizer() = default;
Tokenizer::~Tokenizer() {
    if (sp_) bridge().free(sp_);
}
Tokenizer::Tokenizer(Tokenizer&& o) noexcept : sp_(std::exchange(o.sp_, nullptr)), path_(std::move(o.path_)) {}
Tokenizer& Tokenizer::operator=(Tokenizer&& o) noexcept {
    if (this != &o) {
        if (sp_) bridge().free(sp_);
        sp_ = std::exchange(o.sp_, nullptr);
        path_ = std::move(o.path_);
    }
    return *this;
}

Tokenizer Tokenizer::train(const std::vector<std::string>& lines, int vocabSize, const std::string& modelPath,
                           int threads) {
    std::string prefix = modelPath;
    if (prefix.size() >= 6 && prefix.compare(prefix.size() - 6, 6, ".model") == 0) prefix.resize(prefix.size() - 6);
    const std::vector<std::pair<std::string, std::string>> args = {
        {"model_prefix", prefix},
        {"model_type", "bpe"},
        {"vocab_size", std::to_string(vocabSize)},
        // A small corpus may not support the full vocabulary: take what it has.
        {"hard_vocab_limit", "false"},
        {"byte_fallback", "true"},
        {"character_coverage", "0.9995"},
        // Identity normalisation, no dummy prefix, whitespace kept: decode(encode(s)) == s.
        {"normalization_rule_name", "identity"},
        {"add_dummy_prefix", "false"},
        {"remove_extra_whitespaces", "false"},
        {"allow_whitespace_only_pieces", "true"},
        {"split_digits", "true"},
        {"max_sentence_length", "16384"},
        {"unk_id", "0"},
        {"bos_id", "1"},
        {"eos_id", "2"},
        {"pad_id", "3"},
        {"num_threads", std::to_string(std::max(1, threads))},
        {"minloglevel", "2"},
    };
    std::vector<const char*> keys, values, linePtrs;
    for (const auto& [k, v] : args) keys.push_back(k.c_str()), values.push_back(v.c_str());
    for (const auto& l : lines) linePtrs.push_back(l.c_str());
    char* error = nullptr;
    if (bridge().train(linePtrs.data(), linePtrs.size(), keys.data(), values.data(), keys.size(), &error) != 0)
        throw std::runtime_error("tokenizer training failed: " + takeError(error));
    std::error_code ec;
    fs::remove(prefix + ".vocab", ec); // the .model holds everything
    if (prefix + ".model" != modelPath) fs::rename(prefix + ".model", modelPath);
    return load(modelPath);
}

Tokenizer Tokenizer::load(const std::string& modelPath) {
    Tokenizer t;
    char* error = nullptr;
    t.sp_ = bridge().load(modelPath.c_str(), &error);
    if (!t.sp_) throw std::runtime_error(modelPath + ": cannot load tokenizer: " + takeError(error));
    t.path_ = modelPath;
    return t;
}

std::vector<int> Tokenizer::encode(std::string_view text) const {
    std::size_t n = 0;
    int* ids = bridge().encode(sp_, text.data(), text.size(), &n);
    std::vector<int> out(ids, ids + n);
    bridge().release(ids);
    return out;
}

std::string Tokenizer::decode(const std::vector<int>& ids) const {
    std::size_t n = 0;
    char* s = bridge().decode(sp_, ids.data(), ids.size(), &n);
    std::string out(s, n);
    bridge().release(s);
    return out;
}

int Tokenizer::vocabSize() const { return bridge().pieceSize(sp_); }
int Tokenizer::eosId() const { return bridge().eosId(sp_); }
int Tokenizer::padId() const {
    const int p = bridge().padId(sp_);
    return p >= 0 ? p : 0;
}

} // namespace proda::train

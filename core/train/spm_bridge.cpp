// libproda_spm.so: SentencePiece behind the C interface of spm_bridge.h.
#include "train/spm_bridge.h"

#include <cstdlib>
#include <cstring>
#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

char* copyString(const std::string& s) {
    char* out = static_cast<char*>(std::malloc(s.size() + 1));
    std::memcpy(out, s.data(), s.size());
    out[s.size()] = '\0';
    return out;
}

class LineIterator final : public sentencepiece::SentenceIterator {
  public:
    LineIterator(const char* const* lines, size_t n) : lines_(lines), n_(n) { load(); }
    bool done() const override { return i_ >= n_; }
    void Next() override {
        ++i_;
        load();
    }
    const std::string& value() const override { return current_; }
    sentencepiece::util::Status status() const override { return {}; }

  private:
    void load() {
        if (i_ < n_) current_ = lines_[i_];
    }
    const char* const* lines_;
    size_t n_, i_ = 0;
    std::string current_;
};

} // namespace

extern "C" {

void* proda_spm_load(const char* modelPath, char** error) {
    auto* sp = new sentencepiece::SentencePieceProcessor();
    const auto status = sp->Load(modelPath);
    if (!status.ok()) {
        *error = copyString(status.ToString());
        delete sp;
        return nullptr;
    }
    return sp;
}

void proda_spm_free(void* processor) { delete static_cast<sentencepiece::SentencePieceProcessor*>(processor); }

int proda_spm_train(const char* const* lines, size_t lineCount, const char* const* keys, const char* const* values,
                    size_t optionCount, char** error) {
    std::unordered_map<std::string, std::string> args;
    for (size_t i = 0; i < optionCount; ++i) args[keys[i]] = values[i];
    LineIterator it(lines, lineCount);
    const auto status = sentencepiece::SentencePieceTrainer::Train(args, &it);
    if (!status.ok()) {
        *error = copyString(status.ToString());
        return 1;
    }
    return 0;
}

int* proda_spm_encode(void* processor, const char* text, size_t length, size_t* count) {
    const auto ids =
        static_cast<sentencepiece::SentencePieceProcessor*>(processor)->EncodeAsIds(absl::string_view(text, length));
    int* out = static_cast<int*>(std::malloc(std::max<size_t>(1, ids.size()) * sizeof(int)));
    std::copy(ids.begin(), ids.end(), out);
    *count = ids.size();
    return out;
}

char* proda_spm_decode(void* processor, const int* ids, size_t count, size_t* length) {
    const std::string s =
        static_cast<sentencepiece::SentencePieceProcessor*>(processor)->DecodeIds(std::vector<int>(ids, ids + count));
    *length = s.size();
    return copyString(s);
}

int proda_spm_piece_size(void* processor) {
    return static_cast<sentencepiece::SentencePieceProcessor*>(processor)->GetPieceSize();
}
int proda_spm_eos_id(void* processor) {
    return static_cast<sentencepiece::SentencePieceProcessor*>(processor)->eos_id();
}
int proda_spm_pad_id(void* processor) {
    return static_cast<sentencepiece::SentencePieceProcessor*>(processor)->pad_id();
}
void proda_spm_release(void* buffer) { std::free(buffer); }

} // extern "C"

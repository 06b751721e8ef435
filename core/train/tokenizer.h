#pragma once
// SentencePiece BPE with byte fallback and identity normalisation: any UTF-8 string encodes to
// ids and decodes back byte for byte. Trained on the run's own text or loaded from a
// tokenizer.model (the format Llama-family tokenizers use). SentencePiece itself lives behind
// libproda_spm.so (spm_bridge.h explains why it is loaded at run time).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace proda::train {

class Tokenizer {
  public:
    Tokenizer();
    ~Tokenizer();
    Tokenizer(Tokenizer&&) noexcept;
    Tokenizer& operator=(Tokenizer&&) noexcept;

    // Trains a model of at most vocabSize pieces on `lines` and writes it to modelPath.
    // Throws std::runtime_error with SentencePiece's message on failure.
    static Tokenizer train(const std::vector<std::string>& lines, int vocabSize, const std::string& modelPath,
                           int threads = 2);
    static Tokenizer load(const std::string& modelPath);

    std::vector<int> encode(std::string_view text) const;
    std::string decode(const std::vector<int>& ids) const;
    int vocabSize() const;
    int eosId() const;
    int padId() const;
    const std::string& path() const { return path_; }

  private:
    void* sp_ = nullptr; // the bridge's processor handle
    std::string path_;
};

} // namespace proda::train

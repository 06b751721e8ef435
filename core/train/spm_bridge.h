#pragma once
// C interface of libproda_spm.so, the one place that links SentencePiece.
//
// Why a separate library loaded with dlopen: Debian's libsentencepiece bundles (and exports) its
// own protobuf 3.14, while libtorch links the system protobuf 3.21. Linked into one executable
// the two copies interpose each other's symbols and the process crashes before main. Loaded with
// dlmopen into a link-map namespace of its own, SentencePiece (and its C and C++ runtimes) bind to
// their own copies and libtorch to the system's. Not RTLD_DEEPBIND: the address sanitizer refuses it.
// A namespace has its own heap, so memory the bridge allocates goes back through proda_spm_release.
// Plain C types only across this boundary.
#include <cstddef>

#ifdef __cplusplus
extern "C" {
#endif

// Every function that can fail returns 0 on success and sets *error to a malloc'd message.
void* proda_spm_load(const char* modelPath, char** error);
void proda_spm_free(void* processor);
int proda_spm_train(const char* const* lines, size_t lineCount, const char* const* keys, const char* const* values,
                    size_t optionCount, char** error);
// Returns a malloc'd array of *count ids.
int* proda_spm_encode(void* processor, const char* text, size_t length, size_t* count);
// Returns a malloc'd string of *length bytes (NUL-terminated).
char* proda_spm_decode(void* processor, const int* ids, size_t count, size_t* length);
int proda_spm_piece_size(void* processor);
int proda_spm_eos_id(void* processor);
int proda_spm_pad_id(void* processor);
// Frees a buffer or message the functions above returned (the bridge's heap, not the caller's).
void proda_spm_release(void* buffer);

#ifdef __cplusplus
}
#endif

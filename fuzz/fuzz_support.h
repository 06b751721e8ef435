#pragma once
// What the fuzz targets share: a scratch directory per process, an input cut into the files an
// importer reads, and a project to import into. A target treats InputError (and, where a reader
// documents it, std::invalid_argument) as the product's answer to bad input; any other exception
// escapes, and libFuzzer reports it as the crash it is.
#include "store/project.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace proda::fuzz {

// A fresh directory for this process (removed at exit), on /dev/shm when it exists.
const std::string& scratchDir();

// The input cut at each line "====" into exactly `parts` strings (missing ones empty, extra
// markers kept inside the last part), so one input can stand for several files.
std::vector<std::string> splitParts(const std::uint8_t* data, std::size_t size, std::size_t parts);

void writeFile(const std::string& path, const std::string& text);

// An empty project in the scratch directory, made anew every `every` calls: imports that pass
// grow it, and a later import of the same ids would only meet the duplicate check.
Project& freshProject(int every = 64);

} // namespace proda::fuzz

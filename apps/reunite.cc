// The `reunite` binary: a thin main over the command line layer.
#include "cli/command.h"

int main(int argc, char** argv) { return reunite::cli::Run(argc, argv); }

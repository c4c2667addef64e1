#include "core/repository.h"

// Whether every answer one field can hold is also an acceptable answer of another field, as
// once-only prefill needs (a procedure's answers copied into another procedure's form, or a
// life event's shared answers into each procedure of its bundle): the same type; choices whose
// options include every source option; groups, repeating alike, whose shared child fields fit.
#pragma once

#include "forms/field.h"

namespace madoguchi::procedures {

bool answers_fit(const forms::Field& target, const forms::Field& source);

}  // namespace madoguchi::procedures

# Runs scripts/deps.sh --check before anything else, so that a build (`pip install .` too) on a
# Debian machine without the packages stops with one message naming them and how to install
# them, instead of a find_package error in the middle of the configure output. Sets
# LIBTRACKER_MISSING_PACKAGES to that message (the caller stops with it).
# -DLIBTRACKER_CHECK_PACKAGES=OFF skips it (dependencies built by hand, not from Debian).
option(LIBTRACKER_CHECK_PACKAGES "Check for the Debian packages before configuring" ON)
set(_libtracker_deps ${CMAKE_CURRENT_LIST_DIR}/../scripts/deps.sh)
if(LIBTRACKER_CHECK_PACKAGES AND EXISTS ${_libtracker_deps})
  find_program(LIBTRACKER_BASH bash)
  set(_libtracker_check --check)
  # The test libraries too, when the tests will be built (their default: top level only).
  if((NOT DEFINED LIBTRACKER_BUILD_TESTS AND CMAKE_SOURCE_DIR STREQUAL CMAKE_CURRENT_SOURCE_DIR)
     OR LIBTRACKER_BUILD_TESTS)
    list(APPEND _libtracker_check tests)
  endif()
  if(LIBTRACKER_BASH)
    execute_process(COMMAND ${LIBTRACKER_BASH} ${_libtracker_deps} ${_libtracker_check}
                    RESULT_VARIABLE _libtracker_missing OUTPUT_VARIABLE _libtracker_message
                    ERROR_VARIABLE _libtracker_message OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT _libtracker_missing EQUAL 0)
      # Indented lines are printed as they are (not reflowed).
      string(REPLACE "\n" "\n " LIBTRACKER_MISSING_PACKAGES " ${_libtracker_message}")
    endif()
  endif()
endif()

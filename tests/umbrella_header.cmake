# The umbrella header <libtracker/libtracker.hpp> includes every public header (and the
# generated version.hpp): a header added to include/libtracker/ without it fails here.
#   cmake -DHEADERS=<include/libtracker> -P umbrella_header.cmake
file(READ ${HEADERS}/libtracker.hpp umbrella)
file(GLOB headers RELATIVE ${HEADERS} ${HEADERS}/*.hpp)
list(APPEND headers version.hpp)
list(REMOVE_ITEM headers libtracker.hpp)
set(missing "")
foreach(header ${headers})
  string(FIND "${umbrella}" "#include \"libtracker/${header}\"" at)
  if(at EQUAL -1)
    list(APPEND missing ${header})
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "libtracker/libtracker.hpp does not include: ${missing}")
endif()

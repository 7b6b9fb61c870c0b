/* TEST EQUIPMENT ONLY: never shipped, never part of an installer.
 *
 * wine 8 lacks ProcessPrng (bcryptprimitives.dll), which Rust's standard
 * library calls for random numbers on Windows. Built by
 * scripts/windows-smoke.sh into bcryptprimitives.dll inside the test's own
 * wine prefix, so that the Windows build of leidraad can run under wine.
 * See tests/windows/README.md. */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}

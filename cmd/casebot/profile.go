package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
)

// profileDirEnv names the directory `casebot loadtest --profile DIR` asks
// its `casebot serve` child to write profiles to: the server is another
// process, so `go test -cpuprofile` cannot reach it, and an HTTP pprof
// endpoint would be one more thing to guard in production.
const profileDirEnv = "CASEBOT_LOADTEST_PROFILE_DIR"

// startProfiles starts a CPU profile of this process when profileDirEnv is
// set; the returned stop writes it with the allocation profile
// (cumulative since start) into that directory. Without the variable it
// does nothing.
func startProfiles() (stop func() error, err error) {
	dir := os.Getenv(profileDirEnv)
	if dir == "" {
		return func() error { return nil }, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	cpu, err := os.Create(filepath.Join(dir, "cpu.pprof"))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		cpu.Close()
		return nil, fmt.Errorf("CPU profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		cpu.Close()
		f, err := os.Create(filepath.Join(dir, "allocs.pprof"))
		if err != nil {
			return err
		}
		defer f.Close()
		runtime.GC() // up-to-date statistics
		return pprof.Lookup("allocs").WriteTo(f, 0)
	}, nil
}

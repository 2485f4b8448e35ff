package api

import (
	"log/slog"
	"runtime"
	"runtime/debug"
	"sync"
)

// Build says which build of plancast is running, as the Go toolchain
// stamped it into the binary (runtime/debug.ReadBuildInfo): nothing said it
// before, so an operator could not tell which build answered. What the
// toolchain did not stamp is said as such, never made up: go build in a git
// checkout stamps the module's version and the vcs.* settings; go run, go
// test and -buildvcs=false may not.
type Build struct {
	// Version is the main module's: a tag or a pseudo-version (go build in
	// a git checkout gives one since Go 1.24, "+dirty" when the tree had
	// changes; go install module@version the tag); "devel" when the
	// toolchain gave "(devel)" or nothing; "unknown" when the binary
	// carries no build information.
	Version string `json:"version"`
	// Revision is the commit built (vcs.revision), "unknown" when not stamped.
	Revision string `json:"revision"`
	// Time is the commit's time (vcs.time, RFC 3339), "unknown" when not stamped.
	Time string `json:"time"`
	// Modified is "true" when the tree had uncommitted changes, "false"
	// when not (vcs.modified), "unknown" when not stamped.
	Modified string `json:"modified"`
	// GoVersion is the toolchain that built it (go1.26.1).
	GoVersion string `json:"go_version"`
}

// unknown stands for what the toolchain did not stamp.
const unknown = "unknown"

// currentBuild is read once: a binary's build information does not change.
var currentBuild = sync.OnceValue(func() Build { return buildOf(debug.ReadBuildInfo()) })

// CurrentBuild is the running binary's build, as /healthz, /metrics and the
// API index say it (and serve logs it at start).
func CurrentBuild() Build { return currentBuild() }

// buildOf reads a Build out of what debug.ReadBuildInfo answered.
func buildOf(bi *debug.BuildInfo, ok bool) Build {
	b := Build{Version: unknown, Revision: unknown, Time: unknown, Modified: unknown, GoVersion: runtime.Version()}
	if !ok || bi == nil {
		return b
	}
	b.Version = bi.Main.Version
	if b.Version == "" || b.Version == "(devel)" {
		b.Version = "devel"
	}
	if bi.GoVersion != "" {
		b.GoVersion = bi.GoVersion
	}
	for _, s := range bi.Settings {
		if s.Value == "" {
			continue
		}
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value
		}
	}
	return b
}

// LogValue logs a build as one group (build.version=... in text, an object
// in JSON).
func (b Build) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("version", b.Version),
		slog.String("revision", b.Revision),
		slog.String("time", b.Time),
		slog.String("modified", b.Modified),
		slog.String("go_version", b.GoVersion),
	)
}

package api

import (
	"bytes"
	"log/slog"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// What the toolchain stamped is said as it is; what it did not is said
// unknown (or devel for the version), never made up.
func TestBuildOfSaysOnlyWhatWasStamped(t *testing.T) {
	for _, c := range []struct {
		name string
		bi   *debug.BuildInfo
		ok   bool
		want Build
	}{
		{"go build in a git checkout", &debug.BuildInfo{GoVersion: "go1.26.8",
			Main: debug.Module{Path: "github.com/plancast/plancast", Version: "v0.0.0-20261122180702-201c71bd3468+dirty"},
			Settings: []debug.BuildSetting{{Key: "-buildmode", Value: "exe"}, {Key: "vcs", Value: "git"},
				{Key: "vcs.revision", Value: "201c71bd346846745c6e9e2a361115b47f710228"}, {Key: "vcs.time", Value: "2026-11-22T18:07:02Z"}, {Key: "vcs.modified", Value: "true"}}},
			true, Build{"v0.0.0-20261122180702-201c71bd3468+dirty", "201c71bd346846745c6e9e2a361115b47f710228", "2026-11-22T18:07:02Z", "true", "go1.26.8"}},
		{"go install at a tag", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.4.0"}},
			true, Build{"v1.4.0", "unknown", "unknown", "unknown", "go1.26.8"}},
		{"go test, go run, -buildvcs=false", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "-buildmode", Value: "exe"}}},
			true, Build{"devel", "unknown", "unknown", "unknown", "go1.26.8"}},
		{"no version at all", &debug.BuildInfo{GoVersion: "go1.26.8"},
			true, Build{"devel", "unknown", "unknown", "unknown", "go1.26.8"}},
		{"no build information", nil, false, Build{"unknown", "unknown", "unknown", "unknown", runtime.Version()}},
	} {
		if got := buildOf(c.bi, c.ok); got != c.want {
			t.Errorf("%s: %+v; want %+v", c.name, got, c.want)
		}
	}
}

// serve logs the build in its "listening" line as one group.
func TestABuildIsLoggedAsAGroup(t *testing.T) {
	var buf bytes.Buffer
	b := Build{"v1.4.0", "201c71bd3468", "2026-11-22T18:07:02Z", "false", "go1.26.8"}
	slog.New(slog.NewTextHandler(&buf, nil)).Info("listening", "build", b)
	want := "build.version=v1.4.0 build.revision=201c71bd3468 build.time=2026-11-22T18:07:02Z build.modified=false build.go_version=go1.26.8"
	if !strings.Contains(buf.String(), want) {
		t.Errorf("logged %q; want it to hold %q", buf.String(), want)
	}
}

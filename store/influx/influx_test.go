package influx_test

import (
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/influx/influxtest"
	"github.com/plancast/plancast/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) plancast.Store { return influxtest.Open(t) })
}

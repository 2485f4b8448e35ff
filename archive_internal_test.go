package plancast

import (
	"reflect"
	"testing"
	"time"
)

// sameVintage tells two vintages apart by every field but the recorded
// time: a field added to Observation and forgotten there fails this test.
func TestSameVintageComparesEveryField(t *testing.T) {
	growth := 5.3
	base := Observation{Region: "houma", Indicator: "gdp", Year: 2020, Value: 120.8, Status: StatusFinal, Period: PeriodYear,
		Source: Source{Document: "report.txt", Quote: "120.8亿元"}, Published: NewDate(2021, 4, 20),
		Recorded: time.Unix(1, 0), Growth: &growth, GrowthBaseYear: 2015}
	same := base
	same.Recorded = time.Unix(2, 0)
	same.Growth = new(float64)
	*same.Growth = growth
	if !sameVintage(&base, &same) {
		t.Errorf("two vintages differing only in their recorded time (and the growth's address) differ")
	}
	typ := reflect.TypeOf(base)
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Name == "Recorded" {
			continue
		}
		other := base
		v := reflect.ValueOf(&other).Elem().Field(i)
		switch f.Name {
		case "Source":
			other.Source.Quote = "121亿元"
		case "Published":
			other.Published = NewDate(2021, 4, 21)
		case "Growth":
			other.Growth = nil
		default:
			switch v.Kind() {
			case reflect.String:
				v.SetString(v.String() + "x")
			case reflect.Int:
				v.SetInt(v.Int() + 1)
			case reflect.Float64:
				v.SetFloat(v.Float() + 0.1)
			default:
				t.Fatalf("field %s (%s): teach this test to change it", f.Name, v.Kind())
			}
		}
		if sameVintage(&base, &other) {
			t.Errorf("vintages differing in %s count as the same", f.Name)
		}
	}
}

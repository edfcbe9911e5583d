package cmdlets

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// Exchange value types. Exchange Online objects carry sizes and retention periods as
// Exchange's own .NET types; these Go types stand for them so that they print, compare and
// expose members the way they do in an EXO session.

const (
	typeByteQuantifiedSize = "Microsoft.Exchange.Data.ByteQuantifiedSize"
	typeUnlimitedSize      = "Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize]]"
	typeEnhancedTimeSpan   = "Microsoft.Exchange.Data.EnhancedTimeSpan"
)

// byteSize is Unlimited<ByteQuantifiedSize>: a byte count or "Unlimited".
type byteSize struct {
	bytes     int64
	unlimited bool
	// bounded marks the inner ByteQuantifiedSize (the .Value of an Unlimited).
	bounded bool
}

// sizeValue converts a stored size to its display value.
func sizeValue(s store.Size) byteSize {
	if s == store.Unlimited {
		return byteSize{unlimited: true}
	}
	return byteSize{bytes: int64(s)}
}

// TypeNames implements value.Custom.
func (b byteSize) TypeNames() []string {
	if b.bounded {
		return []string{typeByteQuantifiedSize, "System.ValueType", "System.Object"}
	}
	return []string{typeUnlimitedSize, "System.ValueType", "System.Object"}
}

// String is Exchange's display: "99 GB (106,300,440,576 bytes)" or "Unlimited".
func (b byteSize) String() string {
	if b.unlimited {
		return "Unlimited"
	}
	return formatBytes(b.bytes)
}

// Member exposes IsUnlimited and Value, as Unlimited<T> does.
func (b byteSize) Member(name string) (value.Value, bool) {
	switch strings.ToLower(name) {
	case "isunlimited":
		if b.bounded {
			return nil, false
		}
		return b.unlimited, true
	case "value":
		if b.bounded {
			return nil, false
		}
		if b.unlimited {
			return nil, true
		}
		return byteSize{bytes: b.bytes, bounded: true}, true
	}
	return nil, false
}

// Method implements ToBytes, ToKB, ToMB, ToGB, ToTB on the bounded size.
func (b byteSize) Method(name string, args []value.Value) (value.Value, bool, error) {
	shift := map[string]uint{"tobytes": 0, "tokb": 10, "tomb": 20, "togb": 30, "totb": 40}
	s, ok := shift[strings.ToLower(name)]
	if !ok || b.unlimited {
		return nil, false, nil
	}
	return int64(uint64(b.bytes) >> s), true, nil
}

// units are the binary units Exchange prints sizes in, largest first.
var units = []struct {
	name  string
	bytes int64
}{{"TB", 1 << 40}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}}

// formatBytes prints n as Exchange does: the largest unit that keeps the value at least
// 1, up to three decimals without trailing zeros, then the grouped byte count.
func formatBytes(n int64) string {
	head := strconv.FormatInt(n, 10) + " B"
	for _, u := range units {
		if n >= u.bytes {
			v := math.Round(float64(n)/float64(u.bytes)*1000) / 1000
			head = strconv.FormatFloat(v, 'f', -1, 64) + " " + u.name
			break
		}
	}
	return head + " (" + groupDigits(n) + " bytes)"
}

// groupDigits writes n with comma thousands separators.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// maxQuota is the largest size Exchange Online accepts for a quota (1.999999999 TB).
var maxQuota = int64(1<<40)/1000000000*1999999999 + int64(1<<40)%1000000000*1999999999/1000000000 // 1.999999999 TB

// parseSize reads a size argument: a number of bytes (200MB is already a number in
// PowerShell), a string such as "200MB", "1.5 GB", "209715200", or "Unlimited".
func parseSize(v value.Value) (store.Size, error) {
	switch x := v.(type) {
	case int32:
		return checkSize(int64(x), v)
	case int64:
		return checkSize(x, v)
	case float64:
		return checkSize(int64(x), v)
	case byteSize:
		if x.unlimited {
			return store.Unlimited, nil
		}
		return store.Size(x.bytes), nil
	}
	s := strings.TrimSpace(value.ToString(v))
	if strings.EqualFold(s, "unlimited") {
		return store.Unlimited, nil
	}
	// A displayed size ("99 GB (106,300,440,576 bytes)") reads back as its byte count.
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(s, " bytes)") {
		s = strings.ReplaceAll(s[i+1:len(s)-len(" bytes)")], ",", "")
	}
	upper := strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	mult := int64(1)
	for _, u := range append(units, struct {
		name  string
		bytes int64
	}{"B", 1}) {
		if strings.HasSuffix(upper, u.name) {
			mult = u.bytes
			upper = strings.TrimSuffix(upper, u.name)
			break
		}
	}
	f, err := strconv.ParseFloat(upper, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, fmt.Errorf("Cannot convert value \"%s\" to type \"%s\". Error: \"The value '%s' isn't a valid byte quantified size.\"", s, typeUnlimitedSize, s)
	}
	return checkSize(int64(f*float64(mult)), v)
}

func checkSize(n int64, v value.Value) (store.Size, error) {
	if n < 0 || n > maxQuota {
		return 0, fmt.Errorf("Cannot convert value \"%s\" to type \"%s\". Error: \"The value must be between 0 B (0 bytes) and %s.\"", value.ToString(v), typeUnlimitedSize, formatBytes(maxQuota))
	}
	return store.Size(n), nil
}

// timeSpan is EnhancedTimeSpan: a TimeSpan that prints as "90.00:00:00".
type timeSpan time.Duration

// TypeNames implements value.Custom.
func (t timeSpan) TypeNames() []string {
	return []string{typeEnhancedTimeSpan, "System.ValueType", "System.Object"}
}

// String prints d.hh:mm:ss, the .NET TimeSpan form.
func (t timeSpan) String() string { return value.ToString(time.Duration(t)) }

// Member exposes the TimeSpan properties scripts read.
func (t timeSpan) Member(name string) (value.Value, bool) {
	d := time.Duration(t)
	switch strings.ToLower(name) {
	case "days":
		return int32(d / (24 * time.Hour)), true
	case "hours":
		return int32(d % (24 * time.Hour) / time.Hour), true
	case "minutes":
		return int32(d % time.Hour / time.Minute), true
	case "seconds":
		return int32(d % time.Minute / time.Second), true
	case "totaldays":
		return d.Hours() / 24, true
	case "totalhours":
		return d.Hours(), true
	case "totalminutes":
		return d.Minutes(), true
	case "totalseconds":
		return d.Seconds(), true
	case "ticks":
		return int64(d / 100), true
	}
	return nil, false
}

// parseTimeSpan reads an EnhancedTimeSpan argument: "dd.hh:mm:ss", "hh:mm:ss", a bare
// number of days ("180", as Exchange's TimeSpan parsing does), or a TimeSpan value.
func parseTimeSpan(v value.Value) (time.Duration, error) {
	switch x := v.(type) {
	case time.Duration:
		return x, nil
	case timeSpan:
		return time.Duration(x), nil
	case int32:
		return time.Duration(x) * 24 * time.Hour, nil
	case int64:
		return time.Duration(x) * 24 * time.Hour, nil
	}
	s := strings.TrimSpace(value.ToString(v))
	bad := fmt.Errorf("Cannot convert value \"%s\" to type \"%s\". Error: \"String was not recognized as a valid TimeSpan.\"", s, typeEnhancedTimeSpan)
	if n, err := strconv.Atoi(s); err == nil && n >= 0 {
		return time.Duration(n) * 24 * time.Hour, nil
	}
	days := 0
	rest := s
	if i := strings.IndexByte(s, '.'); i >= 0 && i < strings.IndexByte(s+":", ':') {
		d, err := strconv.Atoi(s[:i])
		if err != nil {
			return 0, bad
		}
		days, rest = d, s[i+1:]
	}
	parts := strings.Split(rest, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, bad
	}
	var hms [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return 0, bad
		}
		hms[i] = n
	}
	if hms[0] > 23 || hms[1] > 59 || hms[2] > 59 {
		return 0, bad
	}
	return time.Duration(days)*24*time.Hour + time.Duration(hms[0])*time.Hour +
		time.Duration(hms[1])*time.Minute + time.Duration(hms[2])*time.Second, nil
}

package planfile

import (
	"reflect"

	"zelfscan/documents/plaintext"
)

// stripControls removes control characters from every string value in v
// (a pointer), map values included. A name or note stored before the entry
// fields filtered them would otherwise make the plan impossible to export,
// since Validate refuses them.
func stripControls(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			stripControls(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				stripControls(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			stripControls(v.Index(i))
		}
	case reflect.Map:
		if v.Type().Elem().Kind() == reflect.String {
			for _, k := range v.MapKeys() {
				v.SetMapIndex(k, reflect.ValueOf(plaintext.StripControls(v.MapIndex(k).String())).Convert(v.Type().Elem()))
			}
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(plaintext.StripControls(v.String()))
		}
	}
}

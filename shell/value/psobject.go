package value

// PSObjectOf returns the view that `$x.PSObject` gives: the wrapped value (BaseObject), its
// type names, and its properties as PSNoteProperty / PSProperty objects with Name, Value,
// MemberType, IsSettable and TypeNameOfValue — what scripts read through
// `$obj.PSObject.Properties.Name` to list an object's columns.
func PSObjectOf(v Value) *Object {
	var props []Value
	memberType := "Property"
	if o, ok := v.(*Object); ok {
		memberType = "NoteProperty"
		for _, p := range o.Properties() {
			props = append(props, psProperty(p.Name, p.Value, memberType))
		}
	} else {
		for _, m := range Members(v) {
			if m.MemberType != "Property" && m.MemberType != "NoteProperty" {
				continue
			}
			pv, _ := GetMember(v, m.Name)
			props = append(props, psProperty(m.Name, pv, m.MemberType))
		}
	}
	if props == nil {
		props = []Value{}
	}
	o := NewObject("System.Management.Automation.PSObject",
		Property{"BaseObject", v},
		Property{"TypeNames", stringsToValues(TypeNames(v))},
		Property{"Properties", props},
	)
	return o
}

// psProperty is one entry of PSObject.Properties.
func psProperty(name string, v Value, memberType string) *Object {
	typeName := "System.Object"
	if v != nil {
		typeName = TypeName(v)
	}
	return NewObject("System.Management.Automation.PSNoteProperty",
		Property{"Value", v},
		Property{"MemberType", memberType},
		Property{"IsSettable", true},
		Property{"IsGettable", true},
		Property{"TypeNameOfValue", typeName},
		Property{"Name", name},
		Property{"IsInstance", true},
	)
}

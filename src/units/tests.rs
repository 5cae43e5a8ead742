//! The hierarchy: one node per unit, parents by name, unit types.

use super::*;
use crate::roster::Unit;

fn unit(name: &str, parent: Option<&str>) -> Unit {
    Unit {
        name: name.to_string(),
        code: None,
        parent: parent.map(str::to_string),
        gov_level: None,
    }
}

fn build(units: Vec<Unit>) -> Hierarchy {
    let roster = Roster {
        units,
        ..Roster::default()
    };
    Hierarchy::build(&roster, None, &mut Vec::new()).unwrap()
}

/// A unit with staff of its own that another unit names as its parent
/// is one node, whichever the roster names first; "Xã A" is "UBND xã A".
#[test]
fn a_parent_that_is_a_roster_unit_is_one_node() {
    for units in [
        vec![
            unit("UBND xã A", None),
            unit("Văn phòng", Some("UBND xã A")),
        ],
        vec![
            unit("Văn phòng", Some("UBND xã A")),
            unit("UBND xã A", None),
        ],
        vec![unit("UBND xã A", None), unit("Văn phòng", Some("Xã A"))],
    ] {
        let h = build(units);
        assert_eq!(h.nodes.len(), 2, "{:?}", h.nodes);
        let xa = h.nodes.iter().position(|n| n.name == "UBND xã A").unwrap();
        let vp = h.nodes.iter().position(|n| n.name == "Văn phòng").unwrap();
        assert!(h.nodes[xa].roster_unit.is_some());
        assert_eq!(h.nodes[vp].parent, Some(xa));
        assert!(h.is_parent(xa));
        assert_eq!(h.rollup_nodes(vp), [xa]);
        assert_eq!(h.rollup_nodes(xa), [xa]);
        assert_eq!(h.report_order(), [xa, vp]);
    }
}

/// The parent's name alone cannot tell two roster units of that name
/// (under different parents) apart: the parent is a node of its own, as
/// is a parent no roster unit is; and a unit naming itself as its
/// parent is not made its own parent.
#[test]
fn an_ambiguous_or_absent_parent_is_a_node_of_its_own() {
    let h = build(vec![
        unit("Văn phòng", Some("UBND huyện X")),
        unit("Văn phòng", Some("UBND huyện Y")),
        unit("Tổ một cửa", Some("Văn phòng")),
        unit("UBND xã B", Some("UBND xã B")),
    ]);
    // 4 roster units; parents: huyện X, huyện Y, "Văn phòng", "UBND xã B".
    assert_eq!(h.nodes.len(), 8, "{:?}", h.nodes);
    let to = h.leaf[2];
    let p = h.nodes[to].parent.unwrap();
    assert_eq!(h.nodes[p].name, "Văn phòng");
    assert!(h.nodes[p].roster_unit.is_none());
    let b = h.leaf[3];
    assert_ne!(h.nodes[b].parent, Some(b));
}

#[test]
fn unit_types_from_names() {
    assert_eq!(
        parse_unit_type("Các xã, phường, thị trấn"),
        Some(UnitType::CommuneCommittee)
    );
    assert_eq!(parse_unit_type("Cấp xã"), Some(UnitType::CommuneCommittee));
    assert_eq!(
        type_from_name("UBND xã Dương Quang"),
        Some(UnitType::CommuneCommittee)
    );
    assert_eq!(
        type_from_name("Phòng Nội vụ"),
        Some(UnitType::AdministrativeAgency)
    );
    assert_eq!(
        type_from_name("Văn phòng HĐND và UBND"),
        Some(UnitType::AdministrativeAgency)
    );
    assert_eq!(
        type_from_name("Trường THCS Đức Xuân"),
        Some(UnitType::PublicServiceUnit)
    );
    assert_eq!(type_from_name("Hội Nông dân"), None);
    assert_eq!(
        parse_unit_type("Đơn vị sự nghiệp"),
        Some(UnitType::PublicServiceUnit)
    );
    assert_eq!(
        parse_unit_type("administrative_agency"),
        Some(UnitType::AdministrativeAgency)
    );
}

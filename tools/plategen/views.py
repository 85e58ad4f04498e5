"""What each view shows: the meshes, their plate ids, layers and looks, the nerves' courses,
the trigger points and the referral zones."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .build import Part, Tendon, posterior_strip, where

# BodyParts3D file ids (see assets/anatomy3d/README.md)
HIP, SACRUM, L5, FEMUR, TIBIA, FIBULA = "FJ3152", "FJ3393", "FJ3168", "FJ3365", "FJ3387", "FJ3366"
PATELLA, CALCANEUS, TALUS, SKIN = "FJ3381", "FJ3360", "FJ3385", "FJ2810"
GMAX, GMED, GMIN, PIRIFORMIS = "FJ1418", "FJ1419", "FJ1420", "FJ1428"
GEM_SUP, GEM_INF, OBT_INT, QUAD_FEM = "FJ1417", "FJ1416", "FJ1426", "FJ1432"
BF_LONG, BF_SHORT, SEMITEND, SEMIMEM = "FJ1395", "FJ1444", "FJ1436", "FJ1435"
ADD_MAGNUS, ADD_MINIMUS, ADD_LONGUS, ADD_BREVIS = "FJ1403", "FJ1404", "FJ1402", "FJ1401"
GRACILIS, SARTORIUS, ITT, TFL = "FJ1421", "FJ1434", "FJ1423", "FJ1438"
VAST_LAT, VAST_MED, VAST_INT, RECTUS = "FJ1442", "FJ1443", "FJ1441", "FJ1433"
GASTRO_MED, GASTRO_LAT, SOLEUS, PLANTARIS, POPLITEUS = (
    "FJ1397",
    "FJ1394",
    "FJ1437",
    "FJ1429",
    "FJ1430",
)
CALC_TENDON, FIB_LONG, FIB_BREV, FDL, FHL, TIB_POST, TIB_ANT = (
    "FJ1405",
    "FJ1410",
    "FJ1409",
    "FJ1414",
    "FJ1415",
    "FJ1440",
    "FJ1439",
)
POP_ART, POP_VEIN, SSV, GSV, FEM_ART, FEM_VEIN = (
    "FJ2170",
    "FJ2171",
    "FJ2176",
    "FJ2145",
    "FJ2143",
    "FJ2144",
)

# the right limb's skin: to the midline at the buttock, without the perineum below it
SKIN_SELECT = where(
    lambda lat, h, ant: (lat < 21.0) & (h < 107.0) & (lat > np.where(h >= 84.0, -0.5, 0.4))
)

# Landmarks: parts of the bones, chosen by where their triangles lie.
ISCHIAL_TUBEROSITY = where(lambda lat, h, ant: (h < 86.3) & (ant < 6.8) & (lat > 3.0))
GREATER_TROCHANTER = where(lambda lat, h, ant: (lat > 12.2) & (h > 83.5))
MEDIAL_FEMORAL_CONDYLE = where(lambda lat, h, ant: (h < 50.5) & (lat < 7.4))
LATERAL_FEMORAL_CONDYLE = where(lambda lat, h, ant: (h < 50.5) & (lat > 7.6))
MEDIAL_TIBIAL_CONDYLE = where(lambda lat, h, ant: (h > 41.8) & (lat < 6.9))
FIBULAR_HEAD = where(lambda lat, h, ant: h > 41.2)
LINEA_ASPERA = posterior_strip(56.0, 80.0, 0.45)
PES_ANSERINUS = where(lambda lat, h, ant: h < 40.6)


def _tendon_below(h: float) -> Tendon:
    return Tendon("", "", h)


@dataclass(frozen=True)
class TriggerPointSpec:
    id: str
    title: str
    on: str  # the part it lies on
    h: float  # height (cm) on the muscle
    across: float  # share of the way across the muscle's visible part (medial 0 -> lateral 1)
    deep: bool = False


# ---------------------------------------------------------------------------------------------
# Posterior, superficial
# ---------------------------------------------------------------------------------------------

POSTERIOR_BONES: list[Part] = [
    Part("_l5", "Fifth lumbar vertebra", (L5,), "bones", "bone"),
    Part("sacrum", "Sacrum", (SACRUM,), "bones", "bone"),
    Part("pelvis", "Hip bone", (HIP,), "bones", "bone"),
    Part("femur", "Femur", (FEMUR,), "bones", "bone"),
    Part("tibia", "Tibia", (TIBIA,), "bones", "bone"),
    Part("fibula", "Fibula", (FIBULA,), "bones", "bone"),
    Part("_talus", "Talus", (TALUS,), "bones", "bone"),
    Part("_calcaneus", "Calcaneus", (CALCANEUS,), "bones", "bone"),
    Part(
        "ischial_tuberosity", "Ischial tuberosity", (HIP,), "bones", "landmark", ISCHIAL_TUBEROSITY
    ),
    Part(
        "greater_trochanter",
        "Greater trochanter",
        (FEMUR,),
        "bones",
        "landmark",
        GREATER_TROCHANTER,
    ),
    Part("linea_aspera", "Linea aspera", (FEMUR,), "bones", "landmark", LINEA_ASPERA),
    Part(
        "medial_femoral_condyle",
        "Medial femoral condyle",
        (FEMUR,),
        "bones",
        "landmark",
        MEDIAL_FEMORAL_CONDYLE,
    ),
    Part(
        "lateral_femoral_condyle",
        "Lateral femoral condyle",
        (FEMUR,),
        "bones",
        "landmark",
        LATERAL_FEMORAL_CONDYLE,
    ),
    Part(
        "medial_tibial_condyle",
        "Medial tibial condyle",
        (TIBIA,),
        "bones",
        "landmark",
        MEDIAL_TIBIAL_CONDYLE,
    ),
    Part("fibular_head", "Head of the fibula", (FIBULA,), "bones", "landmark", FIBULAR_HEAD),
]

ABOVE_SOLE = where(lambda lat, h, ant: h > 7.5)


def _calf_tendon(name: str, h: float) -> tuple[Tendon, ...]:
    return (Tendon(f"_{name}_tendon", "", h, taper=3.0, width=1.0),)


DEEP_CALF: list[Part] = [
    Part(
        "tibialis_posterior",
        "Tibialis posterior",
        (TIB_POST,),
        "deep",
        "muscle_deep",
        ABOVE_SOLE,
        fibres=4,
        tendons=_calf_tendon("tibialis_posterior", 14.0),
    ),
    Part(
        "flexor_digitorum_longus",
        "Flexor digitorum longus",
        (FDL,),
        "deep",
        "muscle_deep",
        ABOVE_SOLE,
        fibres=4,
        tendons=_calf_tendon("flexor_digitorum_longus", 13.0),
    ),
    Part(
        "flexor_hallucis_longus",
        "Flexor hallucis longus",
        (FHL,),
        "deep",
        "muscle_deep",
        ABOVE_SOLE,
        fibres=5,
        tendons=_calf_tendon("flexor_hallucis_longus", 11.0),
    ),
    Part(
        "fibularis_longus",
        "Fibularis longus",
        (FIB_LONG,),
        "deep",
        "muscle_deep",
        ABOVE_SOLE,
        fibres=4,
        tendons=_calf_tendon("fibularis_longus", 17.0),
    ),
    Part(
        "fibularis_brevis",
        "Fibularis brevis",
        (FIB_BREV,),
        "deep",
        "muscle_deep",
        ABOVE_SOLE,
        fibres=4,
        tendons=_calf_tendon("fibularis_brevis", 10.0),
    ),
]

POSTERIOR_DEEP_MUSCLES: list[Part] = [
    Part("gluteus_medius", "Gluteus medius", (GMED,), "deep", "muscle_deep", fibres=10),
    Part("gluteus_minimus", "Gluteus minimus", (GMIN,), "deep", "muscle_deep", fibres=8),
    Part("piriformis", "Piriformis", (PIRIFORMIS,), "deep", "muscle_deep", fibres=6),
    Part("gemellus_superior", "Gemellus superior", (GEM_SUP,), "deep", "muscle_deep", fibres=3),
    Part("obturator_internus", "Obturator internus", (OBT_INT,), "deep", "muscle_deep", fibres=4),
    Part("gemellus_inferior", "Gemellus inferior", (GEM_INF,), "deep", "muscle_deep", fibres=3),
    Part("quadratus_femoris", "Quadratus femoris", (QUAD_FEM,), "deep", "muscle_deep", fibres=6),
    Part(
        "adductor_magnus",
        "Adductor magnus",
        (ADD_MAGNUS, ADD_MINIMUS),
        "deep",
        "muscle_deep",
        fibres=12,
    ),
    Part("vastus_lateralis", "Vastus lateralis", (VAST_LAT,), "deep", "muscle_deep", fibres=9),
    Part("vastus_medialis", "Vastus medialis", (VAST_MED,), "deep", "muscle_deep", fibres=7),
    Part(
        "semimembranosus",
        "Semimembranosus",
        (SEMIMEM,),
        "deep",
        "muscle",
        fibres=9,
        tendons=(
            Tendon(
                "semimembranosus_proximal_tendon",
                "Semimembranosus: proximal tendon",
                76.5,
                below=False,
                taper=9.0,
                width=0.55,
            ),
            Tendon(
                "semimembranosus_tendon",
                "Semimembranosus: distal tendon",
                47.5,
                taper=3.0,
                width=0.6,
            ),
        ),
    ),
    Part(
        "biceps_femoris_short_head",
        "Biceps femoris, short head",
        (BF_SHORT,),
        "deep",
        "muscle",
        fibres=6,
    ),
    Part("popliteus", "Popliteus", (POPLITEUS,), "deep", "muscle_deep", fibres=5),
    Part(
        "soleus",
        "Soleus",
        (SOLEUS,),
        "deep",
        "muscle_deep",
        fibres=10,
        tendons=(Tendon("_soleus_tendon", "", 17.0, taper=4.0, width=0.4),),
    ),
    Part(
        "plantaris",
        "Plantaris",
        (PLANTARIS,),
        "deep",
        "muscle_deep",
        fibres=3,
        tendons=(Tendon("_plantaris_tendon", "", 45.0, taper=2.0, width=0.6),),
    ),
]

POSTERIOR_VESSELS: list[Part] = [
    # the artery lies deepest, the vein on it (the tibial nerve, on the Nerves layer, on both)
    Part("popliteal_artery", "Popliteal artery", (POP_ART,), "vessels", "artery", keep_order=True),
    Part("popliteal_vein", "Popliteal vein", (POP_VEIN,), "vessels", "vein", keep_order=True),
]

POSTERIOR_SUPERFICIAL: list[Part] = [
    Part("iliotibial_tract", "Iliotibial tract", (ITT,), "superficial", "tendon", fibres=5),
    Part(
        "gracilis",
        "Gracilis",
        (GRACILIS,),
        "superficial",
        "muscle",
        fibres=3,
        tendons=(Tendon("_gracilis_tendon", "", 52.0, taper=6.0, width=0.6),),
    ),
    # from behind, sartorius shows only on the inner side of the knee (its upper part lies on
    # the front of the thigh; only a mesh sliver of it would show beside the hip)
    Part(
        "sartorius",
        "Sartorius",
        (SARTORIUS,),
        "superficial",
        "muscle",
        where(lambda lat, h, ant: h < 62.0),
        fibres=3,
        tendons=(Tendon("_sartorius_tendon", "", 44.0, taper=3.0, width=0.6),),
    ),
    Part(
        "semitendinosus",
        "Semitendinosus",
        (SEMITEND,),
        "superficial",
        "muscle",
        fibres=5,
        tendons=(
            Tendon("semitendinosus_tendon", "Semitendinosus: tendon", 57.0, taper=5.0, width=0.45),
        ),
    ),
    Part(
        "biceps_femoris_long_head",
        "Biceps femoris, long head",
        (BF_LONG,),
        "superficial",
        "muscle",
        fibres=7,
        tendons=(
            Tendon("biceps_femoris_tendon", "Biceps femoris: tendon", 50.5, taper=5.0, width=0.45),
        ),
    ),
    Part(
        "gastrocnemius_medial_head",
        "Gastrocnemius, medial head",
        (GASTRO_MED,),
        "superficial",
        "muscle",
        fibres=7,
    ),
    Part(
        "gastrocnemius_lateral_head",
        "Gastrocnemius, lateral head",
        (GASTRO_LAT,),
        "superficial",
        "muscle",
        fibres=6,
    ),
    Part(
        "calcaneal_tendon",
        "Calcaneal (Achilles) tendon",
        (CALC_TENDON,),
        "superficial",
        "tendon",
        fibres=4,
    ),
    # the common tendon sheet in which both heads end, above the calcaneal tendon
    Part(
        "_gastrocnemius_medial_head_sheet",
        "",
        (GASTRO_MED, GASTRO_LAT, CALC_TENDON),
        "superficial",
        "tendon",
        where(lambda lat, h, ant: (h < 27.5) & (h > 15.0)),
        fibres=5,
        paint_last=True,
        shape=Tendon("", "", 24.0, taper=3.5, width=1.0),
    ),
    Part(
        "pes_anserinus",
        "Pes anserinus",
        (SEMITEND, GRACILIS, SARTORIUS),
        "superficial",
        "tendon",
        PES_ANSERINUS,
    ),
    Part(
        "gluteus_maximus",
        "Gluteus maximus",
        (GMAX,),
        "superficial",
        "muscle",
        fibres=16,
        fibre_axis=(0.62, 0.78),
    ),
    Part("small_saphenous_vein", "Small saphenous vein", (SSV,), "superficial", "vein"),
]

POSTERIOR_TRIGGER_POINTS: list[TriggerPointSpec] = [
    TriggerPointSpec(
        "tp_semitendinosus", "Semitendinosus trigger point", "semitendinosus", 68.5, 0.5
    ),
    TriggerPointSpec(
        "tp_semimembranosus_upper",
        "Semimembranosus trigger point (upper)",
        "semimembranosus",
        64.5,
        0.3,
    ),
    TriggerPointSpec(
        "tp_semimembranosus_lower",
        "Semimembranosus trigger point (lower)",
        "semimembranosus",
        60.0,
        0.3,
    ),
    TriggerPointSpec(
        "tp_biceps_femoris_long_head",
        "Biceps femoris long head trigger point",
        "biceps_femoris_long_head",
        63.0,
        0.62,
    ),
    TriggerPointSpec(
        "tp_biceps_femoris_short_head",
        "Biceps femoris short head trigger point (deep)",
        "biceps_femoris_short_head",
        58.0,
        0.7,
        deep=True,
    ),
]

# The neighbours: muscles around the hamstrings whose trigger points send pain to the buttock, the
# back of the thigh, the knee hollow or the calf (Travell & Simons, vol. 2: gluteus maximus ch. 7,
# medius ch. 8, minimus ch. 9, piriformis and obturator internus ch. 10, vastus lateralis ch. 14,
# adductor magnus ch. 15, popliteus ch. 17, gastrocnemius ch. 21, soleus and plantaris ch. 22).
# Heights are on the meshes' landmarks (gluteal fold ~78, knee joint line ~46.5).
NEIGHBOUR_TRIGGER_POINTS: list[TriggerPointSpec] = [
    TriggerPointSpec("tp_gluteus_medius", "Gluteus medius trigger point", "gluteus_medius",
                     100.5, 0.45),
    TriggerPointSpec("tp_gluteus_minimus_posterior",
                     "Gluteus minimus trigger point (posterior part, deep)", "gluteus_minimus",
                     94.0, 0.3, deep=True),
    TriggerPointSpec("tp_piriformis", "Piriformis trigger point (deep)", "piriformis", 91.5, 0.72,
                     deep=True),
    TriggerPointSpec("tp_obturator_internus", "Obturator internus trigger point (deep)",
                     "obturator_internus", 88.5, 0.5, deep=True),
    TriggerPointSpec("tp_gluteus_maximus", "Gluteus maximus trigger point", "gluteus_maximus",
                     86.5, 0.3),
    TriggerPointSpec("tp_adductor_magnus", "Adductor magnus trigger point", "adductor_magnus",
                     70.0, 0.12, deep=True),
    TriggerPointSpec("tp_vastus_lateralis", "Vastus lateralis trigger point", "vastus_lateralis",
                     66.0, 0.55),
    TriggerPointSpec("tp_plantaris", "Plantaris trigger point (deep)", "plantaris", 47.5, 0.5,
                     deep=True),
    TriggerPointSpec("tp_gastrocnemius_lateral", "Gastrocnemius trigger point (lateral head)",
                     "gastrocnemius_lateral_head", 44.0, 0.7),
    TriggerPointSpec("tp_popliteus", "Popliteus trigger point (deep)", "popliteus", 41.5, 0.4,
                     deep=True),
    TriggerPointSpec("tp_gastrocnemius_medial", "Gastrocnemius trigger point (medial head)",
                     "gastrocnemius_medial_head", 39.0, 0.5),
    TriggerPointSpec("tp_soleus", "Soleus trigger point", "soleus", 17.0, 0.5),
]  # fmt: skip

# Their zones, as (height cm on the meshes' landmarks, share of the limb's width from its medial
# edge); at the buttock the medial edge is the midline (the cleft), so share 0-0.2 is the sacrum.
NEIGHBOUR_ZONES: dict[str, list[list[tuple[float, float]]]] = {
    "zone_gluteus_minimus_essential": [[
        (92.0, 0.30), (92.5, 0.50), (91.0, 0.72), (87.0, 0.84), (82.0, 0.86), (74.0, 0.86),
        (66.0, 0.84), (58.0, 0.80), (51.0, 0.74), (48.5, 0.62), (49.5, 0.45), (56.0, 0.42),
        (64.0, 0.40), (72.0, 0.38), (79.0, 0.34), (84.0, 0.26), (88.0, 0.24),
    ]],
    "zone_gluteus_minimus_spillover": [[
        (49.0, 0.40), (49.0, 0.78), (44.0, 0.84), (38.0, 0.84), (31.0, 0.80), (24.0, 0.74),
        (19.0, 0.66), (17.5, 0.52), (20.0, 0.42), (26.0, 0.36), (34.0, 0.32), (42.0, 0.33),
    ]],
    "zone_gluteus_medius_essential": [[
        (104.0, 0.06), (104.5, 0.30), (104.2, 0.55), (103.2, 0.78), (101.5, 0.86),
        (100.0, 0.70), (100.6, 0.45), (100.2, 0.28), (97.0, 0.26), (93.0, 0.22), (90.0, 0.16),
        (89.5, 0.04), (93.0, 0.01), (98.0, 0.01),
    ]],
    "zone_gluteus_medius_spillover": [[
        (99.5, 0.32), (99.5, 0.70), (100.5, 0.88), (97.0, 0.95), (92.0, 0.96), (86.0, 0.93),
        (80.0, 0.90), (76.0, 0.84), (77.0, 0.70), (82.0, 0.66), (87.0, 0.62), (91.0, 0.52),
        (94.0, 0.36),
    ]],
    "zone_gluteus_maximus_essential": [[
        (93.5, 0.02), (94.0, 0.20), (93.0, 0.42), (91.0, 0.62), (88.0, 0.74), (84.0, 0.76),
        (80.5, 0.68), (78.8, 0.50), (78.5, 0.30), (79.5, 0.14), (82.5, 0.09), (87.5, 0.04),
    ]],
    "zone_gluteus_maximus_spillover": [[
        (79.0, 0.10), (78.6, 0.40), (79.5, 0.62), (77.0, 0.62), (74.5, 0.50), (74.0, 0.30),
        (75.5, 0.14),
    ], [
        (97.5, 0.02), (98.0, 0.18), (95.5, 0.26), (94.5, 0.10), (94.5, 0.02),
    ]],
    "zone_piriformis_essential": [[
        (97.5, 0.03), (97.5, 0.20), (94.0, 0.42), (92.5, 0.62), (92.0, 0.82), (90.0, 0.93),
        (87.0, 0.90), (86.5, 0.74), (88.0, 0.56), (89.5, 0.38), (91.0, 0.22), (92.5, 0.06),
    ]],
    "zone_piriformis_spillover": [[
        (86.0, 0.26), (86.0, 0.56), (82.0, 0.70), (76.0, 0.74), (68.0, 0.70), (61.0, 0.62),
        (57.5, 0.48), (60.0, 0.32), (67.0, 0.24), (75.0, 0.20), (81.0, 0.20),
    ]],
    "zone_obturator_internus_essential": [[
        (88.0, 0.00), (87.5, 0.10), (85.0, 0.16), (81.5, 0.16), (79.5, 0.10), (80.0, 0.00),
        (84.0, -0.02),
    ]],
    "zone_obturator_internus_spillover": [[
        (80.5, 0.18), (79.5, 0.40), (77.0, 0.52), (72.0, 0.52), (69.0, 0.42), (70.5, 0.26),
        (75.0, 0.18),
    ]],
    "zone_adductor_magnus_essential": [[
        (82.0, 0.00), (82.0, 0.09), (76.0, 0.12), (68.0, 0.13), (60.0, 0.13), (53.0, 0.12),
        (50.5, 0.07), (50.5, 0.00), (58.0, -0.01), (70.0, -0.01),
    ]],
    "zone_adductor_magnus_spillover": [[
        (84.0, 0.00), (84.5, 0.14), (78.0, 0.19), (68.0, 0.20), (58.0, 0.20), (51.0, 0.18),
        (47.5, 0.12), (47.5, 0.00),
    ]],
    "zone_vastus_lateralis_essential": [[
        (90.0, 0.86), (88.0, 0.97), (82.0, 1.00), (72.0, 1.00), (62.0, 1.00), (54.0, 0.99),
        (49.0, 0.94), (49.5, 0.86), (56.0, 0.88), (66.0, 0.89), (76.0, 0.88), (84.0, 0.86),
    ]],
    "zone_vastus_lateralis_spillover": [[
        (50.5, 0.66), (50.5, 0.86), (48.0, 0.97), (44.0, 0.96), (39.0, 0.92), (34.5, 0.86),
        (33.5, 0.74), (37.0, 0.66), (42.0, 0.62), (46.0, 0.62),
    ]],
    # the instep: the inner edge of the foot below and in front of the medial malleolus, of which
    # the back view shows only the rim
    "zone_gastrocnemius_medial_essential": [[
        (5.0, 0.00), (5.0, 0.09), (3.2, 0.14), (1.2, 0.13), (0.6, 0.04), (1.6, -0.02),
        (3.5, -0.02),
    ]],
    "zone_gastrocnemius_medial_spillover": [[
        (57.0, 0.14), (57.0, 0.36), (50.0, 0.42), (44.0, 0.40), (36.0, 0.36), (28.0, 0.32),
        (20.0, 0.26), (13.0, 0.22), (10.0, 0.16), (10.5, 0.03), (16.0, 0.04), (24.0, 0.04),
        (32.0, 0.04), (40.0, 0.08), (48.0, 0.12), (53.0, 0.10),
    ]],
    "zone_gastrocnemius_lateral_essential": [[
        (51.5, 0.36), (51.5, 0.64), (49.5, 0.76), (45.5, 0.78), (42.5, 0.70), (42.0, 0.46),
        (44.0, 0.32), (48.0, 0.30),
    ]],
    "zone_gastrocnemius_lateral_spillover": [[
        (42.0, 0.30), (42.0, 0.78), (38.0, 0.80), (33.0, 0.76), (29.5, 0.62), (29.5, 0.40),
        (33.0, 0.28), (38.0, 0.26),
    ]],
    "zone_soleus_essential": [[
        (7.5, 0.10), (7.5, 0.38), (4.5, 0.42), (1.5, 0.38), (0.8, 0.22), (1.5, 0.08),
        (4.5, 0.05),
    ]],
    "zone_soleus_spillover": [[
        (24.0, 0.14), (24.0, 0.58), (18.0, 0.60), (12.0, 0.52), (8.0, 0.44), (8.0, 0.10),
        (12.0, 0.08), (18.0, 0.08),
    ]],
    "zone_popliteus_essential": [[
        (48.5, 0.34), (48.5, 0.64), (46.5, 0.72), (43.0, 0.70), (40.5, 0.60), (40.5, 0.40),
        (43.0, 0.30), (46.5, 0.30),
    ]],
    "zone_plantaris_essential": [[
        (50.5, 0.40), (50.5, 0.70), (48.5, 0.78), (45.5, 0.76), (43.5, 0.66), (43.5, 0.42),
        (46.0, 0.34), (49.0, 0.36),
    ]],
    "zone_plantaris_spillover": [[
        (43.0, 0.36), (43.0, 0.72), (39.0, 0.76), (33.0, 0.72), (27.5, 0.62), (26.5, 0.46),
        (30.0, 0.36), (37.0, 0.32),
    ]],
}  # fmt: skip
def band(
    top: float,
    bottom: float,
    lo: float,
    hi: float,
    lo2: float | None = None,
    hi2: float | None = None,
) -> list[tuple[float, float]]:
    """A rounded band of a side view, as (height cm, share of the width from the posterior
    edge): from ``top`` down to ``bottom``, across ``lo``..``hi`` at the top and
    ``lo2``..``hi2`` at the bottom (default: the same)."""
    lo2 = lo if lo2 is None else lo2
    hi2 = hi if hi2 is None else hi2
    steps = max(2, round((top - bottom) / 6.0))
    heights = [top + (bottom - top) * k / steps for k in range(steps + 1)]
    left = [(h, lo + (lo2 - lo) * k / steps) for k, h in enumerate(heights)]
    right = [(h, hi + (hi2 - hi) * k / steps) for k, h in enumerate(heights)]
    cap = min(1.5, (top - bottom) / 6)
    return [
        (top + cap, (lo + hi) / 2),
        *left,
        (bottom - cap, (lo2 + hi2) / 2),
        *reversed(right),
    ]


# The patterns as a side view sees them: (height cm, share of the limb's width from its
# POSTERIOR edge). Only the zones on the surface that side shows: the outer ones (biceps femoris,
# vastus lateralis, the gluteal muscles, piriformis) on the lateral view, the inner ones
# (semitendinosus and semimembranosus, adductor magnus, the medial head of gastrocnemius, the
# coccyx region of obturator internus) on the medial view; the back of the buttock, knee and heel
# show at the posterior edge of both.
SIDE_ZONES: dict[str, dict[str, list[list[tuple[float, float]]]]] = {
    "lateral": {
        "zone_gluteus_medius_essential": [band(104.0, 99.0, 0.02, 0.50, 0.04, 0.45)],
        "zone_gluteus_medius_spillover": [band(99.0, 79.0, 0.08, 0.55, 0.22, 0.55)],
        "zone_gluteus_maximus_essential": [band(94.0, 79.5, 0.0, 0.28, 0.0, 0.24)],
        "zone_gluteus_maximus_spillover": [band(79.5, 74.5, 0.0, 0.24, 0.02, 0.2)],
        "zone_piriformis_essential": [band(93.0, 86.5, 0.02, 0.48, 0.05, 0.42)],
        "zone_piriformis_spillover": [band(86.0, 58.0, 0.02, 0.30, 0.04, 0.22)],
        "zone_gluteus_minimus_essential": [band(91.0, 49.0, 0.05, 0.42, 0.08, 0.36)],
        "zone_gluteus_minimus_spillover": [band(48.5, 19.0, 0.10, 0.45, 0.16, 0.36)],
        "zone_vastus_lateralis_essential": [band(88.0, 48.5, 0.38, 0.80, 0.48, 0.78)],
        "zone_vastus_lateralis_spillover": [band(50.0, 33.5, 0.22, 0.80, 0.25, 0.55)],
        "zone_biceps_femoris_essential": [band(52.0, 44.0, 0.0, 0.30)],
        "zone_biceps_femoris_spillover": [
            band(78.0, 56.0, 0.0, 0.34, 0.02, 0.30),
            band(43.0, 35.5, 0.06, 0.36, 0.10, 0.34),
        ],
        "zone_gastrocnemius_lateral_essential": [band(51.0, 42.5, 0.0, 0.28)],
        "zone_gastrocnemius_lateral_spillover": [band(42.0, 30.0, 0.04, 0.40, 0.08, 0.36)],
        "zone_plantaris_essential": [band(50.0, 43.5, 0.0, 0.26)],
        "zone_plantaris_spillover": [band(43.0, 27.0, 0.04, 0.38, 0.08, 0.32)],
        "zone_popliteus_essential": [band(48.5, 41.0, 0.04, 0.32)],
        "zone_soleus_essential": [band(7.0, 0.8, 0.0, 0.16)],
        "zone_soleus_spillover": [band(24.0, 7.5, 0.0, 0.36, 0.0, 0.24)],
    },
    "medial": {
        "zone_gluteus_maximus_essential": [band(94.0, 79.5, 0.0, 0.28, 0.0, 0.24)],
        "zone_gluteus_maximus_spillover": [band(79.5, 74.5, 0.0, 0.24, 0.02, 0.2)],
        "zone_obturator_internus_essential": [band(88.0, 80.0, 0.0, 0.10)],
        "zone_obturator_internus_spillover": [band(80.0, 70.0, 0.04, 0.30)],
        "zone_medial_hamstrings_essential": [band(84.0, 73.5, 0.0, 0.36, 0.02, 0.34)],
        "zone_medial_hamstrings_spillover": [band(73.0, 34.5, 0.02, 0.34, 0.06, 0.34)],
        "zone_adductor_magnus_essential": [band(82.0, 50.5, 0.34, 0.74, 0.40, 0.66)],
        "zone_adductor_magnus_spillover": [band(84.0, 48.0, 0.24, 0.84, 0.32, 0.76)],
        "zone_gastrocnemius_medial_essential": [band(5.0, 0.8, 0.34, 0.72, 0.40, 0.74)],
        "zone_gastrocnemius_medial_spillover": [band(56.0, 6.0, 0.0, 0.42, 0.04, 0.34)],
        "zone_popliteus_essential": [band(48.5, 41.0, 0.04, 0.32)],
        "zone_plantaris_essential": [band(50.0, 43.5, 0.0, 0.26)],
        "zone_soleus_essential": [band(7.0, 0.8, 0.0, 0.16)],
        "zone_soleus_spillover": [band(24.0, 7.5, 0.0, 0.36, 0.0, 0.24)],
    },
}


NEIGHBOUR_ZONE_TITLES = {
    "gluteus_minimus": "Gluteus minimus (posterior part)",
    "gluteus_medius": "Gluteus medius",
    "gluteus_maximus": "Gluteus maximus",
    "piriformis": "Piriformis",
    "obturator_internus": "Obturator internus",
    "adductor_magnus": "Adductor magnus",
    "vastus_lateralis": "Vastus lateralis",
    "gastrocnemius_medial": "Gastrocnemius, medial head",
    "gastrocnemius_lateral": "Gastrocnemius, lateral head",
    "soleus": "Soleus",
    "popliteus": "Popliteus",
    "plantaris": "Plantaris",
}


def zone_title(zid: str) -> str:
    """The plate title of a referral zone."""
    if zid in ZONE_TITLES:
        return ZONE_TITLES[zid]
    key, kind = zid.removeprefix("zone_").rsplit("_", 1)
    return f"{NEIGHBOUR_ZONE_TITLES[key]}: {kind} referred pain"


# Referral zones after Travell & Simons, as (height cm, share of the limb's width from its
# medial edge) around each zone; heights are on the original plate's landmarks and are moved to
# the meshes' landmarks by ``remap_height``.
ZONES: dict[str, list[list[tuple[float, float]]]] = {
    "zone_medial_hamstrings_essential": [[
        (79.5, 0.067), (82.8, 0.108), (85.2, 0.19), (86.1, 0.29), (86.0, 0.378), (86.0, 0.453),
        (85.4, 0.511), (83.2, 0.541), (80.6, 0.505), (78.2, 0.52), (75.8, 0.464), (74.9, 0.356),
        (74.2, 0.26), (75.0, 0.161), (76.6, 0.093),
    ]],
    "zone_medial_hamstrings_spillover": [[
        (73.8, 0.098), (74.9, 0.192), (74.6, 0.299), (74.9, 0.4), (72.6, 0.463), (69.5, 0.443),
        (66.0, 0.462), (62.0, 0.425), (58.0, 0.45), (54.5, 0.418), (50.5, 0.452), (46.5, 0.399),
        (42.5, 0.361), (38.5, 0.33), (34.3, 0.236), (34.6, 0.134), (37.0, 0.086), (40.5, 0.102),
        (44.0, 0.049), (48.0, 0.065), (52.0, 0.028), (56.5, 0.022), (61.0, 0.069),
        (65.0, 0.058), (69.5, 0.091),
    ]],
    "zone_biceps_femoris_essential": [[
        (49.5, 0.426), (52.6, 0.465), (54.6, 0.557), (56.0, 0.672), (55.4, 0.803),
        (53.2, 0.87), (50.6, 0.858), (48.0, 0.886), (45.3, 0.805), (44.1, 0.676),
        (45.2, 0.584), (46.3, 0.479),
    ]],
    "zone_biceps_femoris_spillover": [
        [
            (58.2, 0.581), (62.5, 0.583), (66.5, 0.603), (70.5, 0.59), (74.5, 0.635),
            (78.2, 0.69), (79.0, 0.761), (76.5, 0.83), (72.5, 0.827), (68.5, 0.881),
            (64.0, 0.879), (60.0, 0.93), (57.0, 0.892), (56.2, 0.781), (56.6, 0.661),
        ],
        [
            (42.4, 0.498), (44.2, 0.563), (43.6, 0.673), (44.0, 0.797), (41.8, 0.829),
            (39.0, 0.79), (36.3, 0.733), (36.8, 0.631), (38.2, 0.547), (40.3, 0.523),
        ],
    ],
}  # fmt: skip
ZONE_TITLES = {
    "zone_medial_hamstrings_essential": "Semitendinosus and semimembranosus: essential referred pain",
    "zone_medial_hamstrings_spillover": "Semitendinosus and semimembranosus: spillover referred pain",
    "zone_biceps_femoris_essential": "Biceps femoris: essential referred pain",
    "zone_biceps_femoris_spillover": "Biceps femoris: spillover referred pain",
}

# original plate landmark height -> the meshes' (heel, knee joint line, gluteal fold,
# ischial tuberosity, iliac crest)
_HEIGHTS_FROM = [0.0, 50.0, 80.0, 85.0, 105.0]
_HEIGHTS_TO = [0.0, 46.5, 78.0, 84.0, 104.4]


def remap_height(h: float) -> float:
    return float(np.interp(h, _HEIGHTS_FROM, _HEIGHTS_TO))


# Nerve courses (lat, h, ant in cm), placed between the meshes: the sciatic nerve leaves the
# pelvis below piriformis, runs on the gemelli, obturator internus, quadratus femoris and
# adductor magnus, under the long head of biceps femoris, and divides at the apex of the
# popliteal fossa; the tibial nerve runs down the middle of the fossa behind the popliteal vein
# to the arch of soleus; the common fibular nerve follows the medial border of the biceps tendon
# to behind the fibular head and winds round the fibular neck.
SCIATIC = [
    (7.4, 93.0, 5.2),
    (8.3, 90.5, 4.2),
    (9.1, 87.5, 3.9),
    (9.3, 84.0, 4.3),
    (9.0, 80.0, 5.4),
    (8.7, 75.0, 6.6),
    (8.7, 70.0, 7.2),
    (8.7, 65.0, 7.1),
    (8.5, 61.0, 6.5),
    (8.4, 58.5, 6.5),
]
TIBIAL = [
    (8.4, 58.5, 6.5),
    (8.2, 55.0, 6.9),
    (8.3, 50.0, 5.9),
    (8.5, 46.0, 5.3),
    (8.8, 43.0, 5.4),
    (9.2, 40.5, 6.4),
]
COMMON_FIBULAR = [
    (8.4, 58.5, 6.5),
    (8.9, 55.0, 6.5),
    (9.7, 51.0, 6.1),
    (10.6, 48.0, 5.6),
    (11.3, 45.5, 5.3),
    (11.9, 43.3, 5.5),
    (12.4, 41.7, 6.6),
    (12.3, 40.6, 7.9),
    (11.9, 39.8, 8.9),
]
NERVES = [
    ("sciatic_nerve", "Sciatic nerve", SCIATIC, (1.35, 1.15)),
    ("tibial_nerve", "Tibial nerve", TIBIAL, (0.75, 0.6)),
    ("common_fibular_nerve", "Common fibular nerve", COMMON_FIBULAR, (0.6, 0.45)),
]


# ---------------------------------------------------------------------------------------------
# Posterior, deep: gluteus maximus, the long head of biceps femoris, semitendinosus and
# gastrocnemius lifted away
# ---------------------------------------------------------------------------------------------

LIFTED = {
    "gluteus_maximus",
    "biceps_femoris_long_head",
    "semitendinosus",
    "gastrocnemius_medial_head",
    "gastrocnemius_lateral_head",
    "_gastrocnemius_medial_head_sheet",
    "small_saphenous_vein",
}
PES_WITHOUT_ST = Part(
    "pes_anserinus", "Pes anserinus", (GRACILIS, SARTORIUS), "superficial", "tendon", PES_ANSERINUS
)


def posterior_deep_parts() -> list[Part]:
    sup = [p for p in POSTERIOR_SUPERFICIAL if p.id not in LIFTED and p.id != "pes_anserinus"]
    return [
        *POSTERIOR_BONES,
        *DEEP_CALF,
        *POSTERIOR_DEEP_MUSCLES,
        *POSTERIOR_VESSELS,
        *sup,
        PES_WITHOUT_ST,
    ]


# ---------------------------------------------------------------------------------------------
# Medial and lateral views
# ---------------------------------------------------------------------------------------------

SIDE_BONES: list[Part] = [
    Part("sacrum", "Sacrum", (SACRUM,), "bones", "bone"),
    Part("pelvis", "Hip bone", (HIP,), "bones", "bone"),
    Part("femur", "Femur", (FEMUR,), "bones", "bone"),
    Part("_patella", "Patella", (PATELLA,), "bones", "bone"),
    Part("tibia", "Tibia", (TIBIA,), "bones", "bone"),
    Part("fibula", "Fibula", (FIBULA,), "bones", "bone"),
    Part("_talus", "Talus", (TALUS,), "bones", "bone"),
    Part("_calcaneus", "Calcaneus", (CALCANEUS,), "bones", "bone"),
]

MEDIAL_PARTS: list[Part] = [
    *SIDE_BONES,
    Part(
        "ischial_tuberosity", "Ischial tuberosity", (HIP,), "bones", "landmark", ISCHIAL_TUBEROSITY
    ),
    Part(
        "medial_femoral_condyle",
        "Medial femoral condyle",
        (FEMUR,),
        "bones",
        "landmark",
        MEDIAL_FEMORAL_CONDYLE,
    ),
    Part(
        "medial_tibial_condyle",
        "Medial tibial condyle",
        (TIBIA,),
        "bones",
        "landmark",
        MEDIAL_TIBIAL_CONDYLE,
    ),
    Part("psoas_major", "Psoas major", ("FJ1431",), "deep", "muscle_deep", fibres=5),
    Part("iliacus", "Iliacus", ("FJ1422",), "deep", "muscle_deep", fibres=6),
    Part("obturator_internus", "Obturator internus", (OBT_INT,), "deep", "muscle_deep", fibres=4),
    Part("piriformis", "Piriformis", (PIRIFORMIS,), "deep", "muscle_deep", fibres=5),
    Part("gluteus_maximus", "Gluteus maximus", (GMAX,), "deep", "muscle_deep", fibres=10),
    Part(
        "biceps_femoris_long_head",
        "Biceps femoris, long head",
        (BF_LONG,),
        "deep",
        "muscle_deep",
        fibres=5,
    ),
    Part("soleus", "Soleus", (SOLEUS,), "deep", "muscle_deep", fibres=8),
    Part(
        "tibialis_posterior",
        "Tibialis posterior",
        (TIB_POST,),
        "deep",
        "muscle_deep",
        ABOVE_SOLE,
        fibres=4,
    ),
    Part(
        "flexor_digitorum_longus",
        "Flexor digitorum longus",
        (FDL,),
        "deep",
        "muscle_deep",
        ABOVE_SOLE,
        fibres=4,
    ),
    Part("popliteal_artery", "Popliteal artery", (POP_ART,), "vessels", "artery", keep_order=True),
    Part("popliteal_vein", "Popliteal vein", (POP_VEIN,), "vessels", "vein", keep_order=True),
    Part("femoral_artery", "Femoral artery", (FEM_ART,), "vessels", "artery", keep_order=True),
    Part("femoral_vein", "Femoral vein", (FEM_VEIN,), "vessels", "vein", keep_order=True),
    Part("pectineus", "Pectineus", ("FJ1427",), "superficial", "muscle", fibres=4),
    Part(
        "adductor_magnus",
        "Adductor magnus",
        (ADD_MAGNUS, ADD_MINIMUS),
        "superficial",
        "muscle",
        fibres=10,
    ),
    Part("adductor_longus", "Adductor longus", (ADD_LONGUS,), "superficial", "muscle", fibres=6),
    Part("rectus_femoris", "Rectus femoris", (RECTUS,), "superficial", "muscle", fibres=6),
    Part("vastus_medialis", "Vastus medialis", (VAST_MED,), "superficial", "muscle", fibres=8),
    Part(
        "semimembranosus",
        "Semimembranosus",
        (SEMIMEM,),
        "superficial",
        "muscle",
        fibres=8,
        tendons=(
            Tendon(
                "semimembranosus_proximal_tendon",
                "Semimembranosus: proximal tendon",
                76.5,
                below=False,
                taper=9.0,
                width=0.55,
            ),
            Tendon(
                "semimembranosus_tendon",
                "Semimembranosus: distal tendon",
                47.5,
                taper=3.0,
                width=0.6,
            ),
        ),
    ),
    Part(
        "semitendinosus",
        "Semitendinosus",
        (SEMITEND,),
        "superficial",
        "muscle",
        fibres=5,
        tendons=(
            Tendon("semitendinosus_tendon", "Semitendinosus: tendon", 57.0, taper=5.0, width=0.45),
        ),
    ),
    Part(
        "gastrocnemius_medial_head",
        "Gastrocnemius, medial head",
        (GASTRO_MED,),
        "superficial",
        "muscle",
        fibres=7,
    ),
    Part(
        "calcaneal_tendon",
        "Calcaneal (Achilles) tendon",
        (CALC_TENDON,),
        "superficial",
        "tendon",
        fibres=4,
    ),
    Part(
        "gracilis",
        "Gracilis",
        (GRACILIS,),
        "superficial",
        "muscle",
        fibres=3,
        tendons=(Tendon("_gracilis_tendon", "", 52.0, taper=6.0, width=0.6),),
    ),
    Part(
        "sartorius",
        "Sartorius",
        (SARTORIUS,),
        "superficial",
        "muscle",
        fibres=3,
        tendons=(Tendon("_sartorius_tendon", "", 44.0, taper=3.0, width=0.6),),
    ),
    Part(
        "pes_anserinus",
        "Pes anserinus",
        (SEMITEND, GRACILIS, SARTORIUS),
        "superficial",
        "tendon",
        where(lambda lat, h, ant: h < 42.0),
        paint_last=True,
        shape=Tendon("", "", 40.0, taper=2.0, width=1.0),
    ),
    Part(
        "great_saphenous_vein",
        "Great saphenous vein",
        (GSV,),
        "superficial",
        "vein",
        paint_last=True,
    ),
]

LATERAL_PARTS: list[Part] = [
    *SIDE_BONES,
    Part(
        "greater_trochanter",
        "Greater trochanter",
        (FEMUR,),
        "bones",
        "landmark",
        GREATER_TROCHANTER,
    ),
    Part(
        "lateral_femoral_condyle",
        "Lateral femoral condyle",
        (FEMUR,),
        "bones",
        "landmark",
        LATERAL_FEMORAL_CONDYLE,
    ),
    Part("fibular_head", "Head of the fibula", (FIBULA,), "bones", "landmark", FIBULAR_HEAD),
    Part("gluteus_minimus", "Gluteus minimus", (GMIN,), "deep", "muscle_deep", fibres=6),
    Part("piriformis", "Piriformis", (PIRIFORMIS,), "deep", "muscle_deep", fibres=5),
    Part("quadratus_femoris", "Quadratus femoris", (QUAD_FEM,), "deep", "muscle_deep", fibres=5),
    Part(
        "adductor_magnus",
        "Adductor magnus",
        (ADD_MAGNUS, ADD_MINIMUS),
        "deep",
        "muscle_deep",
        fibres=8,
    ),
    Part("semimembranosus", "Semimembranosus", (SEMIMEM,), "deep", "muscle_deep", fibres=6),
    Part("semitendinosus", "Semitendinosus", (SEMITEND,), "deep", "muscle_deep", fibres=4),
    Part("vastus_intermedius", "Vastus intermedius", (VAST_INT,), "deep", "muscle_deep", fibres=6),
    Part("popliteus", "Popliteus", (POPLITEUS,), "deep", "muscle_deep", fibres=4),
    Part("plantaris", "Plantaris", (PLANTARIS,), "deep", "muscle_deep", fibres=3),
    Part("gluteus_medius", "Gluteus medius", (GMED,), "superficial", "muscle", fibres=8),
    Part("tensor_fasciae_latae", "Tensor fasciae latae", (TFL,), "superficial", "muscle", fibres=4),
    Part("rectus_femoris", "Rectus femoris", (RECTUS,), "superficial", "muscle", fibres=6),
    Part("vastus_lateralis", "Vastus lateralis", (VAST_LAT,), "superficial", "muscle", fibres=10),
    Part(
        "biceps_femoris_short_head",
        "Biceps femoris, short head",
        (BF_SHORT,),
        "superficial",
        "muscle",
        fibres=5,
    ),
    Part(
        "biceps_femoris_long_head",
        "Biceps femoris, long head",
        (BF_LONG,),
        "superficial",
        "muscle",
        fibres=7,
        tendons=(
            Tendon("biceps_femoris_tendon", "Biceps femoris: tendon", 50.5, taper=5.0, width=0.45),
        ),
    ),
    # the calf muscles lie under the common fibular nerve, which winds round the fibular
    # neck just under the skin (it then runs deep to fibularis longus)
    Part("soleus", "Soleus", (SOLEUS,), "deep", "muscle", fibres=8),
    Part(
        "tibialis_anterior", "Tibialis anterior", (TIB_ANT,), "deep", "muscle", ABOVE_SOLE, fibres=5
    ),
    Part(
        "fibularis_longus",
        "Fibularis longus",
        (FIB_LONG,),
        "deep",
        "muscle",
        ABOVE_SOLE,
        fibres=5,
        tendons=_calf_tendon("fibularis_longus", 17.0),
    ),
    Part(
        "fibularis_brevis",
        "Fibularis brevis",
        (FIB_BREV,),
        "deep",
        "muscle",
        ABOVE_SOLE,
        fibres=4,
        tendons=_calf_tendon("fibularis_brevis", 10.0),
    ),
    Part(
        "gastrocnemius_lateral_head",
        "Gastrocnemius, lateral head",
        (GASTRO_LAT,),
        "deep",
        "muscle",
        fibres=6,
    ),
    Part(
        "calcaneal_tendon",
        "Calcaneal (Achilles) tendon",
        (CALC_TENDON,),
        "deep",
        "tendon",
        fibres=4,
    ),
    Part(
        "iliotibial_tract",
        "Iliotibial tract",
        (ITT,),
        "superficial",
        "tendon",
        fibres=6,
        paint_last=True,
    ),
    Part(
        "gluteus_maximus",
        "Gluteus maximus",
        (GMAX,),
        "superficial",
        "muscle",
        fibres=12,
        fibre_axis=(0.0, 1.0),
        paint_last=True,
    ),
]

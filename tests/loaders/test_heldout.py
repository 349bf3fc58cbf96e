"""Held-out documents: replies, summaries and reports from cities the rules were NOT written on.

The five bundled documents come from 湖北/河南/湖南/山东; these four are written in the style of
other provinces (四川 成都市武侯区, 浙江 杭州市上城区, 山东 青岛市 with 签发人 and a signed date,
贵州 贵阳市 as a web page with navigation lines). Each has a small hand-annotated gold dict of key
facts. Facts the rules still miss are listed under ``KNOWN_GAPS`` and run as strict xfails, so a
fix shows up as an XPASS to be promoted into the gold.
"""
from __future__ import annotations

import pytest

from loaders.extract.pipeline import extract_text
from loaders.read.normalize import normalize_text

CHENGDU = """\
成都市武侯区民政局
武民函〔2023〕18号
签发人：李  明
A

关于对区政协十届二次会议第 026 号提案的答复

尊敬的张晓梅委员：

您提出的关于“深化党建引领城市社区治理”的提案收悉。经认真研究，并商区委组织部、区委社治委、区财政局，现答复如下：

近年来，我区坚持以党建引领城乡社区发展治理，聚焦“高品质和谐宜居生活社区”目标，探索形成了具有武侯特色的“三线融合”社区治理模式。现将有关情况报告如下：

一、基本情况

武侯区辖13个街道、92个社区，常住人口120.6万人。2022年，区委、区政府出台《武侯区关于深化城乡社区发展治理的实施意见》（武委发〔2022〕5号），建立区、街道、社区三级社区发展治理委员会，形成“书记抓、抓书记”的工作格局。全区选派127名区级部门干部到社区挂职，建成社区党群服务中心92个。

二、主要做法

（一）推行“三线融合”治理机制。以社区党委为主线，以小区党支部为支线，以楼栋党小组为辅线，将党组织延伸到小区院落。玉林街道、簇锦街道率先在辖区开展试点，全区累计成立小区党支部416个，覆盖小区1285个。

（二）深化居民议事协商。在晋阳街道吉福社区等社区推广“院落议事会”，制定《武侯区社区议事规则》，全年开展协商议事活动2300余场次，解决停车难、加装电梯等问题1560个。

（三）培育社区社会组织。依托区社会组织孵化中心，实施公益创投项目46个，投入资金380万元，培育社区社会组织1100余个。一是建立社区基金，全区设立社区基金23支；二是推动社会企业发展，认定社会企业15家。

（四）推进社区减负。区委社治委会同区民政局梳理形成社区工作事项清单，清理规范社区挂牌和证明事项，取消社区证明事项26项。

三、下一步工作

下一步，我区将学习借鉴杭州、上海等地的先进经验，计划出台《武侯区社区工作者职业体系建设办法》，正在研究制定《武侯区小区治理导则》，持续深化“三线融合”机制，推动社区治理提质增效。

感谢您对我区社区治理工作的关心和支持。

成都市武侯区民政局
2023年6月15日

联系人：王  芳  联系电话：028-85551234
"""

HANGZHOU = """\
杭州市上城区民政局2022年社区治理工作总结

2022年，上城区民政局在区委、区政府的坚强领导下，在市民政局的精心指导下，围绕“共同富裕”目标，深化“数智治理”改革，全面推进城乡社区治理现代化，现将全年工作总结如下：

一、主要工作成效

（一）党建引领体系更加完善。全面推行“红色物业”，成立物业行业党委，推动全区286个住宅小区建立小区党支部，物业企业党组织覆盖率达到92%。湖滨街道“湖滨晴雨”工作室被列为全省基层治理典型案例。

（二）“邻里中心”建设全面铺开。按照“一中心多站点”布局，建成邻里中心36个，服务面积达5.6万平方米。在小营街道推行“小营红巷”党建品牌，打造“15分钟便民服务圈”，服务居民3.2万余人次。

（三）数字化改革取得突破。依托“基层治理四平台”，推行“一网统管”，构建“网格+警格+N格”的网格化治理体系，全区划分网格1024个，配备专职网格员1100名。

（四）社区工作者队伍持续壮大。落实《杭州市社区专职工作者管理办法》（杭民发〔2021〕63号），建立“三岗十八级”薪酬体系，全年开展社区工作者培训42期，培训4600人次。

二、存在的问题

一是部分老旧小区物业管理缺位，二是社区减负成效还需巩固，三是社会组织专业化程度不高。

三、2023年工作思路

一是深化“三治融合”，推广自治、法治、德治相结合的基层治理体系；二是推进老旧小区改造，计划改造老旧小区40个；三是组织赴成都市武侯区、南京市鼓楼区考察学习社区发展治理经验。

杭州市上城区民政局
2023年1月10日
"""

QINGDAO = """\
青岛市民政局
青民函〔2022〕57号          签发人：赵国强
B

关于市十七届人大一次会议第 0123 号建议的答复

尊敬的刘建华代表：

您提出的《关于推进城市社区网格化治理的建议》收悉，现答复如下：

近年来，市民政局会同市委政法委、市住房城乡建设局等部门，坚持党建引领，全面推进社区治理体系和治理能力现代化。

一、关于网格化治理

按照市委办公厅、市政府办公厅印发的《关于加强城乡社区网格化服务管理工作的意见》（青办发〔2021〕12号），我市将全市城市社区统一划分为8600个网格，配备专兼职网格员1.2万名。市北区、李沧区等区在全市率先推行“网格+物业”融合服务，组建网格党支部1200余个。

二、关于社区工作者队伍建设

2021年，市委组织部、市民政局等五部门联合印发《青岛市城市社区工作者管理办法》，建立社区工作者“四岗十八级”岗位等级序列，社区工作者年平均收入达到7.8万元。全市共有社区工作者1.9万人，其中持证社工8500人。

三、关于社区服务设施建设

我市实施“社区幸福里”工程，在崂山区、西海岸新区建设“15分钟社区生活服务圈”试点。市南区八大关街道、黄岛区辛安街道建成社区综合服务中心。全市已建成城市社区党群服务中心1036个，平均面积超过800平方米。

下一步，我们将借鉴深圳市经验，拟出台《青岛市社区服务设施建设标准》，推进“智慧社区”建设，提升社区服务精细化水平。

感谢您对民政工作的关心和支持。

青岛市民政局
2022年7月20日

（联系人：孙丽，电话：0532-85912345）
"""

GUIYANG = """\
首页 > 政务公开 > 调研报告
当前位置：首页 >> 工作动态
发布时间：2021-09-28 来源：贵阳市民政局 浏览次数：1024
字号：大 中 小 打印本页 关闭窗口

关于我市城市社区治理情况的调研报告

为深入了解我市城市社区治理情况，2021年7月至8月，市政协社会和法制委员会会同市民政局组成专题调研组，先后深入云岩区、南明区、观山湖区等区（市、县）的12个街道、28个社区开展实地调研，并赴遵义市、六盘水市考察学习。现将调研情况报告如下：

一、基本情况

全市共有城市社区612个，社区工作者1.1万人。近年来，市委、市政府高度重视社区治理工作，出台了《贵阳市关于加强城市基层党建引领社区治理的实施意见》（筑党发〔2019〕8号），以“一核多元”为引领，构建了“社区党委、居委会、业委会、物业公司”四方联动机制。

二、主要做法和成效

（一）以党建为引领，推进“一圈两场三改”。云岩区在黔灵镇推行“党建+邻里”模式，建成“15分钟生活圈”21个。南明区花果园街道成立大党委，吸纳辖区单位党组织56个。

（二）推行“积分制”管理。观山湖区在世纪城社区、金华园社区试行居民积分制，居民参与志愿服务可兑换积分，全年志愿服务时长超过3万小时。

（三）强化社区服务阵地建设。全市建成社区综合服务中心580个，覆盖率达到94.8%。

三、存在的问题

一是社区负担重，台账多、考核多；二是社区工作者待遇偏低，人员流失率达12%；三是居民参与不足。

四、对策建议

一是学习借鉴成都市社区发展治理经验，由市委组织部牵头制定社区工作准入事项清单；二是建立社区工作者薪酬增长机制；三是推广“积分制”管理，扩大居民参与。

市政协社会和法制委员会专题调研组
2021年9月

版权所有：贵阳市人民政府 | 网站地图 | 联系我们
"""


GOLD = {
    "chengdu": {
        "document": {"kind": "提案答复", "issuer": "成都市武侯区民政局", "subject_place": "成都市武侯区",
                     "province": "四川省", "date": "2023-06-15", "doc_number": "武民函〔2023〕18号",
                     "session": "区政协十届二次会议", "proposal_number": "026", "addressee": "张晓梅",
                     "addressee_role": "委员", "reply_class": "A", "signatory": "李明"},
        "places": {"成都市武侯区": ("district", "成都市", "510107", "subject"),
                   "杭州市": ("city", "浙江省", "330100", "external"),
                   "玉林街道": ("street", "成都市武侯区", None, "within_subject"),
                   "吉福社区": ("community", "晋阳街道", None, "within_subject")},
        "agencies": {"成都市武侯区委组织部", "成都市武侯区委社治委", "成都市武侯区财政局", "成都市武侯区民政局",
                     "成都市武侯区委", "成都市武侯区政府"},
        "policies": {"武侯区关于深化城乡社区发展治理的实施意见": ("issued", "武委发〔2022〕5号"),
                     "武侯区社区工作者职业体系建设办法": ("planned", None),
                     "武侯区小区治理导则": ("drafting", None)},
        "models": {"三线融合": "成都市武侯区", "院落议事会": "成都市武侯区"},
        # 以社区党委为主线，以小区党支部为支线，以楼栋党小组为辅线
        "components": {"三线融合": ["社区党委", "小区党支部", "楼栋党小组"]},
        "not_models": {"高品质和谐宜居生活社区"},  # a goal (…”目标), not a scheme
        "metrics": {("120.6万人", 120.6, "万人"), ("416个", 416.0, "个"), ("380万元", 380.0, "万元"),
                    ("2300余场次", 2300.0, "场次")},
        "learning": {("成都市武侯区", "杭州市"), ("成都市武侯区", "上海市")},
        "practices": {"党建引领", "小区党支部", "居民议事协商", "公益创投", "社区减负清单", "证明事项清理"},
        "not_places": set(),
    },
    "hangzhou": {
        "document": {"kind": "工作总结", "issuer": "杭州市上城区民政局", "subject_place": "杭州市上城区",
                     "province": "浙江省", "date": "2023-01-10"},
        "places": {"杭州市上城区": ("district", "杭州市", "330102", "subject"),
                   "南京市鼓楼区": ("district", "南京市", "320106", "external"),
                   "湖滨街道": ("street", "杭州市上城区", None, "within_subject")},
        "agencies": {"杭州市民政局", "杭州市上城区民政局", "杭州市上城区委", "杭州市上城区政府"},
        # the district 落实s (carries out) the city's 办法: referenced, as 贯彻落实 is in the conventions
        "policies": {"杭州市社区专职工作者管理办法": ("referenced", "杭民发〔2021〕63号")},
        "models": {"湖滨晴雨": "湖滨街道", "一网统管": "杭州市上城区", "三岗十八级": "杭州市上城区",
                   "网格+警格+N格": "杭州市上城区", "小营红巷": "小营街道"},
        "components": {},
        "not_models": {"共同富裕"},
        "metrics": {("5.6万平方米", 5.6, "万平方米"), ("92%", 92.0, "%"), ("4600人次", 4600.0, "人次")},
        "learning": {("杭州市上城区", "成都市武侯区"), ("杭州市上城区", "南京市鼓楼区")},
        "practices": {"红色物业", "网格化治理", "社区工作者培训", "三治融合", "老旧小区改造"},
        "not_places": set(),
    },
    "qingdao": {
        "document": {"kind": "建议答复", "issuer": "青岛市民政局", "subject_place": "青岛市", "province": "山东省",
                     "date": "2022-07-20", "doc_number": "青民函〔2022〕57号", "session": "市十七届人大一次会议",
                     "proposal_number": "0123", "addressee": "刘建华", "addressee_role": "代表",
                     "reply_class": "B", "signatory": "赵国强"},
        "places": {"青岛市市北区": ("district", "青岛市", "370203", "within_subject"),
                   "青岛市崂山区": ("district", "青岛市", "370212", "within_subject"),
                   "八大关街道": ("street", "青岛市市南区", None, "within_subject"),
                   "西海岸新区": ("other", "青岛市", None, "within_subject"),
                   "深圳市": ("city", "广东省", "440300", "external")},
        "agencies": {"青岛市委办公厅", "青岛市政府办公厅", "青岛市委组织部", "青岛市委政法委", "青岛市住房城乡建设局"},
        "policies": {"关于加强城乡社区网格化服务管理工作的意见": ("issued", "青办发〔2021〕12号"),
                     "青岛市城市社区工作者管理办法": ("issued", None),
                     "青岛市社区服务设施建设标准": ("planned", None)},
        "models": {"网格+物业": "青岛市", "四岗十八级": "青岛市", "社区幸福里": "青岛市"},
        "components": {},
        "not_models": set(),
        "metrics": {("1.2万名", 1.2, "万人"), ("7.8万元", 7.8, "万元"), ("1036个", 1036.0, "个")},
        "learning": {("青岛市", "深圳市")},
        "practices": {"网格化治理", "社区工作者职业体系", "党群服务阵地建设", "智慧社区"},
        "not_places": set(),
    },
    "guiyang": {
        "document": {"kind": "调研报告", "title": "关于我市城市社区治理情况的调研报告",
                     "issuer": "贵阳市政协社会和法制委员会", "subject_place": "贵阳市", "province": "贵州省",
                     "date": "2021-09"},
        "places": {"贵阳市云岩区": ("district", "贵阳市", "520103", "within_subject"),
                   "遵义市": ("city", "贵州省", "520300", "external"),
                   # its paragraph names one district before it: 观山湖区在世纪城社区、金华园社区试行…
                   "金华园社区": ("community", "贵阳市观山湖区", None, "within_subject"),
                   # the one 黔灵镇 of 贵阳市 in the township table is 云岩区's (云岩区在黔灵镇推行…)
                   "黔灵镇": ("street", "贵阳市云岩区", None, "within_subject")},
        "agencies": {"贵阳市委组织部", "贵阳市民政局", "贵阳市委", "贵阳市政府"},
        "policies": {"贵阳市关于加强城市基层党建引领社区治理的实施意见": ("issued", "筑党发〔2019〕8号")},
        "models": {"一核多元": "贵阳市", "党建+邻里": "贵阳市云岩区", "一圈两场三改": "贵阳市"},
        "components": {},
        "not_models": set(),
        "metrics": {("612个", 612.0, "个"), ("94.8%", 94.8, "%"), ("1.1万人", 1.1, "万人")},
        "learning": {("贵阳市", "遵义市"), ("贵阳市", "六盘水市"), ("贵阳市", "成都市")},
        "practices": {"大党委/大工委", "积分制管理", "志愿服务", "社区工作准入"},
        "not_places": {"金华市"},
    },
}

DOCS = {"chengdu": CHENGDU, "hangzhou": HANGZHOU, "qingdao": QINGDAO, "guiyang": GUIYANG}


@pytest.fixture(scope="module")
def records() -> dict[str, object]:
    return {k: extract_text(normalize_text(v), f"heldout/{k}.txt") for k, v in DOCS.items()}


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_document_fields(records, doc):
    got = records[doc].document.model_dump()
    for field, want in GOLD[doc]["document"].items():
        assert got[field] == want, (doc, field)


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_places(records, doc):
    got = {p.name: (p.level, p.parent, p.adcode, p.role) for p in records[doc].places}
    for name, want in GOLD[doc]["places"].items():
        assert got.get(name) == want, (doc, name)
    assert not GOLD[doc]["not_places"] & set(got), doc


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_agencies(records, doc):
    got = {a.name for a in records[doc].agencies}
    assert GOLD[doc]["agencies"] <= got, GOLD[doc]["agencies"] - got
    # an agency name never holds a clause: no verbs, no street names (花果园街道成立大党委)
    assert not [n for n in got if any(v in n for v in ("成立", "推行", "建立", "街道"))]


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_policies(records, doc):
    got = {p.title: (p.status, p.doc_number) for p in records[doc].policies}
    for title, want in GOLD[doc]["policies"].items():
        assert got.get(title) == want, (doc, title)


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_named_models(records, doc):
    got = {(m.name, m.owner) for m in records[doc].named_models}
    for name, owner in GOLD[doc]["models"].items():
        assert (name, owner) in got, (doc, name)
    assert not GOLD[doc]["not_models"] & {name for name, _o in got}
    components = {m.name: m.components for m in records[doc].named_models}
    for name, parts in GOLD[doc]["components"].items():
        assert components.get(name) == parts, (doc, name)


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_metrics(records, doc):
    got = {(m.as_written, m.value, m.unit) for m in records[doc].metrics}
    assert GOLD[doc]["metrics"] <= got, GOLD[doc]["metrics"] - got


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_learning_and_practices(records, doc):
    rec = records[doc]
    assert GOLD[doc]["learning"] == {(x.learner, x.source) for x in rec.learning}
    assert GOLD[doc]["practices"] <= set(rec.practices)


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_offsets_point_at_text(records, doc):
    rec = records[doc]
    for group in (rec.places, rec.agencies, rec.policies, rec.named_models):
        for ent in group:
            for m in ent.mentions:
                assert rec.text[m.start:m.end] == m.as_written

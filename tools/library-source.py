#!/usr/bin/env python3
"""Writes the starter-library YAML files from the compact tables below (all but
iso-iec-27001-2022.yaml, which is edited directly).

Kept in the repository so a library release can be regenerated and reviewed as one diff; the
YAML files it writes are the shipped data. Titles are our own short paraphrases; identifiers and
provenance tags follow ../shared/domain/STANDARDS.md.
"""
import os, sys

OUT = os.path.join(os.path.dirname(__file__), '..', 'platform', 'src', 'main', 'resources', 'catalog', 'library')


def q(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def framework(filename, meta, rows, comment):
    """rows: 'ref|parent|kind|title|zh|evidence|tag' (evidence space-separated; tag overrides)."""
    lines = ['# ' + comment, 'format: serviceproof-library/v1', 'frameworks:']
    lines.append('  - key: ' + meta['key'])
    for k in ('name', 'edition', 'kind', 'publisher', 'jurisdiction', 'status', 'summary'):
        lines.append(f'    {k}: {q(meta[k])}')
    lines.append(f'    provenance: {{tag: {meta["tag"]}, source: {q(meta["source"])}}}')
    lines.append('    requirements:')
    for row in rows.strip().splitlines():
        row = row.strip()
        if not row:
            continue
        parts = (row.split('|') + [''] * 7)[:7]
        ref, parent, kind, title, zh, ev, tag = [p.strip() for p in parts]
        item = [f'ref: {q(ref)}']
        if parent:
            item.append(f'parent: {q(parent)}')
        item.append(f'kind: {kind or "clause"}')
        item.append(f'title: {q(title)}')
        item.append(f'zh: {q(zh)}')
        if ev:
            item.append('evidence: [' + ', '.join(ev.split()) + ']')
        if tag:
            item.append(f'provenance: {{tag: {tag}}}')
        lines.append('      - {' + ', '.join(item) + '}')
    with open(os.path.join(OUT, filename), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


def hs_clauses(discipline_en, discipline_zh, extra=''):
    """The harmonized-structure skeleton shared by ISO management-system standards (clauses 4-10)."""
    return f'''
4||clause|Context of the organisation|组织环境
4.1|4|clause|Organisation and its context|组织及其环境
4.2|4|clause|Interested parties|相关方
4.3|4|clause|Scope of the {discipline_en}|{discipline_zh}范围
4.4|4|clause|The {discipline_en}|{discipline_zh}
5||clause|Leadership|领导作用
5.1|5|clause|Leadership and commitment|领导作用与承诺
5.2|5|clause|Policy|方针
5.3|5|clause|Roles and responsibilities|角色与职责
6||clause|Planning|策划
6.1|6|clause|Risks and opportunities|风险与机遇
6.2|6|clause|Objectives|目标
6.3|6|clause|Planning changes|变更策划
7||clause|Support|支持
7.1|7|clause|Resources|资源
7.2|7|clause|Competence|能力|E4
7.3|7|clause|Awareness|意识|E4
7.4|7|clause|Communication|沟通
7.5|7|clause|Documented information|成文信息|E5
8||clause|Operation|运行
8.1|8|clause|Operational planning and control|运行策划与控制|E1
9||clause|Performance evaluation|绩效评价
9.1|9|clause|Monitoring and measurement|监视与测量|E7
9.2|9|clause|Internal audit|内部审核
9.3|9|clause|Management review|管理评审
10||clause|Improvement|改进
10.1|10|clause|Continual improvement|持续改进
10.2|10|clause|Nonconformity and corrective action|不符合与纠正措施|E8
{extra}'''


framework('iso-iec-42001-2023.yaml', dict(
    key='iso-iec-42001', name='ISO/IEC 42001', edition='2023', kind='standard', publisher='ISO/IEC',
    jurisdiction='international', status='current',
    summary='AI management system requirements, with 38 Annex A controls.',
    tag='C', source='intuitem/ciso-assistant-community@f990d7b iso42001-2023.yaml; domain reference §2.5'),
    '''
4||clause|Context of the organisation|组织环境
4.1|4|clause|Organisation and its context|组织及其环境
4.2|4|clause|Interested parties|相关方
4.3|4|clause|Scope of the AI management system|人工智能管理体系范围
4.4|4|clause|The AI management system|人工智能管理体系
5||clause|Leadership|领导作用
5.1|5|clause|Leadership and commitment|领导作用与承诺
5.2|5|clause|AI policy|人工智能方针
5.3|5|clause|Roles and responsibilities|角色与职责
6||clause|Planning|策划
6.1|6|clause|Risks and opportunities|风险与机遇
6.1.1|6.1|clause|Risk planning in general|风险策划总则||M
6.1.2|6.1|clause|AI risk assessment process|人工智能风险评估过程||M
6.1.3|6.1|clause|AI risk treatment process|人工智能风险处置过程||M
6.1.4|6.1|clause|AI system impact assessment process|人工智能系统影响评估过程|E9|M
6.2|6|clause|AI objectives|人工智能目标
6.3|6|clause|Planning changes|变更策划
7||clause|Support|支持
7.1|7|clause|Resources|资源
7.2|7|clause|Competence|能力|E4
7.3|7|clause|Awareness|意识|E4
7.4|7|clause|Communication|沟通
7.5|7|clause|Documented information|成文信息|E5
8||clause|Operation|运行
8.1|8|clause|Operational control|运行控制
8.2|8|clause|AI risk assessment|人工智能风险评估
8.3|8|clause|AI risk treatment|人工智能风险处置
8.4|8|clause|AI system impact assessment|人工智能系统影响评估|E9
9||clause|Performance evaluation|绩效评价
9.1|9|clause|Monitoring and measurement|监视与测量|E7
9.2|9|clause|Internal audit|内部审核
9.2.1|9.2|clause|Internal audit in general|内部审核总则
9.2.2|9.2|clause|Internal audit programme|内部审核方案
9.3|9|clause|Management review|管理评审
9.3.1|9.3|clause|Management review in general|管理评审总则
9.3.2|9.3|clause|Management review inputs|管理评审输入
9.3.3|9.3|clause|Management review results|管理评审结果
10||clause|Improvement|改进
10.1|10|clause|Continual improvement|持续改进
10.2|10|clause|Nonconformity and corrective action|不符合与纠正措施|E8
A.2||group|Policies related to AI|人工智能相关方针
A.2.2|A.2|control|AI policy|人工智能方针
A.2.3|A.2|control|Fit with other policies|与其他方针的协调
A.2.4|A.2|control|Policy review|方针评审
A.3||group|Internal organisation|内部组织
A.3.2|A.3|control|AI roles|人工智能角色
A.3.3|A.3|control|Raising concerns|问题报告
A.4||group|Resources for AI systems|人工智能系统资源
A.4.2|A.4|control|Resource records|资源记录
A.4.3|A.4|control|Data resources|数据资源
A.4.4|A.4|control|Tooling resources|工具资源
A.4.5|A.4|control|Compute and system resources|算力与系统资源
A.4.6|A.4|control|People and competence|人员与能力|E4
A.5||group|Impact assessment|影响评估
A.5.2|A.5|control|Impact assessment process|影响评估过程|E9
A.5.3|A.5|control|Impact assessment records|影响评估记录|E9
A.5.4|A.5|control|Impact on individuals and groups|对个人和群体的影响|E9
A.5.5|A.5|control|Impact on society|社会影响|E9
A.6||group|AI system lifecycle|人工智能系统生命周期
A.6.1.2|A.6|control|Responsible-development objectives|负责任开发目标
A.6.1.3|A.6|control|Responsible design process|负责任设计过程
A.6.2.2|A.6|control|Requirements and specification|需求与规格
A.6.2.3|A.6|control|Design documentation|设计文档|E5
A.6.2.4|A.6|control|Verification and validation|验证与确认|E7
A.6.2.5|A.6|control|Deployment|部署
A.6.2.6|A.6|control|Operation and monitoring|运行与监视|E8
A.6.2.7|A.6|control|Technical documentation|技术文档|E5
A.6.2.8|A.6|control|Event logs|事件日志|E3
A.7||group|Data for AI systems|人工智能系统数据
A.7.2|A.7|control|Development data|开发数据
A.7.3|A.7|control|Data acquisition|数据获取|E6
A.7.4|A.7|control|Data quality|数据质量|E7
A.7.5|A.7|control|Data provenance|数据来源|E6
A.7.6|A.7|control|Data preparation|数据准备
A.8||group|Information for interested parties|面向相关方的信息
A.8.2|A.8|control|User documentation|用户文档|E1
A.8.3|A.8|control|External reporting|外部报告
A.8.4|A.8|control|Incident communication|事件沟通|E8
A.8.5|A.8|control|Stakeholder information|相关方信息
A.9||group|Use of AI systems|人工智能系统的使用
A.9.2|A.9|control|Responsible-use process|负责任使用过程
A.9.3|A.9|control|Use objectives|使用目标
A.9.4|A.9|control|Intended use|预期用途|E1
A.10||group|Third-party and customer relationships|第三方与客户关系
A.10.2|A.10|control|Responsibility split|责任划分
A.10.3|A.10|control|Suppliers|供应商
A.10.4|A.10|control|Customers|客户|E2
''', 'ISO/IEC 42001:2023. Identifiers per the domain reference §2.5; titles are our paraphrases.')

framework('iso-iec-20000-1-2018.yaml', dict(
    key='iso-iec-20000-1', name='ISO/IEC 20000-1', edition='2018', kind='standard', publisher='ISO/IEC',
    jurisdiction='international', status='current',
    summary='Service management system requirements; all clauses mandatory, no Statement of Applicability.',
    tag='S', source='glocertinternational.com, blackmoresuk.com; domain reference §2.2 (sub-clause names [M])'),
    '''
4||clause|Context of the organisation|组织环境
4.1|4|clause|Organisation and its context|组织及其环境||M
4.2|4|clause|Interested parties|相关方||M
4.3|4|clause|Scope of the SMS|服务管理体系范围||M
4.4|4|clause|The service management system|服务管理体系||M
5||clause|Leadership|领导作用
5.1|5|clause|Leadership and commitment|领导作用与承诺||M
5.2|5|clause|Service-management policy|服务管理方针||M
5.3|5|clause|Roles and responsibilities|角色与职责||M
6||clause|Planning|策划
6.1|6|clause|Risks and opportunities|风险与机遇||M
6.2|6|clause|Service-management objectives|服务管理目标||M
6.3|6|clause|Planning the SMS|服务管理体系策划||M
7||clause|Support of the SMS|服务管理体系支持
7.1|7|clause|Resources|资源||M
7.2|7|clause|Competence|能力|E4|M
7.3|7|clause|Awareness|意识|E4|M
7.4|7|clause|Communication|沟通||M
7.5|7|clause|Documented information|成文信息|E5|M
7.6|7|clause|Knowledge|知识||M
8||clause|Operation of the SMS|服务管理体系运行
8.1|8|clause|Operational planning and control|运行策划与控制|E1
8.2|8|process-group|Service portfolio|服务组合|E1 E5 E6
8.2.1|8.2|process|Service delivery|服务交付|E1|M
8.2.2|8.2|process|Planning the services|服务策划||M
8.2.3|8.2|process|Control of parties in the lifecycle|服务生命周期中各方的控制||M
8.2.4|8.2|process|Service catalogue|服务目录|E1|M
8.2.5|8.2|process|Asset management|资产管理|E6|M
8.2.6|8.2|process|Configuration management|配置管理|E5|M
8.3|8|process-group|Relationship and agreement|关系与协议|E1 E2
8.3.2|8.3|process|Business relationship management|业务关系管理||M
8.3.3|8.3|process|Service level management|服务级别管理|E2
8.3.4|8.3|process|Supplier management|供方管理|E2|M
8.4|8|process-group|Supply and demand|供应与需求|E2
8.4.1|8.4|process|Budgeting and accounting|预算与核算||M
8.4.2|8.4|process|Demand management|需求管理||M
8.4.3|8.4|process|Capacity management|容量管理|E2|M
8.5|8|process-group|Service design, build and transition|服务设计、构建与转换|E5 E7
8.5.1|8.5|process|Change management|变更管理|E5|M
8.5.2|8.5|process|Design and transition of new or changed services|新建或变更服务的设计与转换|E7|M
8.5.3|8.5|process|Release and deployment|发布与部署|E5|M
8.6|8|process-group|Resolution and fulfilment|解决与履行|E3 E8
8.6.1|8.6|process|Incident management|事件管理|E3 E8|M
8.6.2|8.6|process|Service request management|服务请求管理|E3|M
8.6.3|8.6|process|Problem management|问题管理|E8|M
8.7|8|process-group|Service assurance|服务保障|E2 E7 E8
8.7.1|8.7|process|Service availability management|服务可用性管理|E2|M
8.7.2|8.7|process|Service continuity management|服务连续性管理|E8|M
8.7.3|8.7|process|Information security management|信息安全管理|E8|M
9||clause|Performance evaluation|绩效评价
9.1|9|clause|Monitoring and measurement|监视与测量|E7|M
9.2|9|clause|Internal audit|内部审核||M
9.3|9|clause|Management review|管理评审||M
9.4|9|clause|Service reporting|服务报告|E2
10||clause|Improvement|改进
10.1|10|clause|Nonconformity and corrective action|不符合与纠正措施|E8|M
10.2|10|clause|Continual improvement|持续改进||M
''', 'ISO/IEC 20000-1:2018 per the domain reference §2.2; titles are our paraphrases.')

framework('iso-iec-19086-3-2017.yaml', dict(
    key='iso-iec-19086-3', name='ISO/IEC 19086-3', edition='2017', kind='standard', publisher='ISO/IEC',
    jurisdiction='international', status='current',
    summary='Cloud SLA framework: core conformance requirements; the SLA components and content areas an SLA must address.',
    tag='S', source='asnzsnorm.com AS ISO/IEC 19086.3:2023 table of contents; domain reference §2.1'),
    '''
9||clause|SLA components|服务级别协议组成部分
9.2|9|component|Covered services|所涵盖的服务|E1
9.3|9|component|SLA definitions|服务级别协议定义|E2
9.4|9|component|Service monitoring|服务监视|E3
9.5|9|component|Roles and responsibilities|角色与职责|E1
10||clause|SLA content areas|服务级别协议内容领域
10.2|10|content-area|Accessibility|可访问性|E1
10.3|10|content-area|Availability|可用性|E2 E3
10.4|10|content-area|Service performance: response time, capacity, elasticity|服务性能：响应时间、容量、弹性|E2 E3 E7
10.5|10|content-area|Protection of PII|个人可识别信息保护|E6 E2
10.6|10|content-area|Information security|信息安全|E3 E8
10.7|10|content-area|Termination of service|服务终止|E2 E6|M
10.8|10|content-area|Cloud service support|云服务支持|E2 E8|M
10.9|10|content-area|Governance|治理|E1|M
10.10|10|content-area|Changes to features and functionality|功能变更|E5 E2|M
10.11|10|content-area|Service reliability, backup and disaster recovery|服务可靠性、备份与灾难恢复|E2 E7 E8|M
10.12|10|content-area|Data management and data location|数据管理与数据位置|E6 E9|M
10.13|10|content-area|Attestations, certifications and audits|证明、认证与审核|E9|M
''', 'ISO/IEC 19086-3:2017 SLA components and content areas per the domain reference §2.1 (10.7-10.13 order recalled [M]).')

framework('iso-9001-2015.yaml', dict(
    key='iso-9001', name='ISO 9001', edition='2015', kind='standard', publisher='ISO',
    jurisdiction='international', status='current',
    summary='Quality management system requirements (with Amd 1:2024 on climate).',
    tag='M', source='domain reference §2.8 (structure recalled, not verified)'),
    hs_clauses('QMS', '质量管理体系', '''
7.1.5|7.1|clause|Monitoring and measuring resources|监视和测量资源|E7
8.2|8|clause|Requirements for products and services|产品和服务要求|E1 E2
8.3|8|clause|Design and development|设计和开发
8.4|8|clause|Control of external providers|外部提供方的控制
8.5|8|clause|Production and service provision|生产和服务提供
8.5.1|8.5|clause|Control of provision|提供的控制
8.5.2|8.5|clause|Identification and traceability|标识和可追溯性
8.5.5|8.5|clause|Post-delivery activities|交付后活动
8.5.6|8.5|clause|Control of changes|变更控制
8.6|8|clause|Release of products and services|产品和服务的放行
8.7|8|clause|Nonconforming outputs|不合格输出|E8
9.1.2|9.1|clause|Customer satisfaction|顾客满意
'''), 'ISO 9001:2015 per the domain reference §2.8 [M]; titles are our paraphrases.')

framework('iso-iec-17020-2012.yaml', dict(
    key='iso-iec-17020', name='ISO/IEC 17020', edition='2012', kind='standard', publisher='ISO/IEC',
    jurisdiction='international', status='current',
    summary='Requirements for bodies performing inspection; an exporter inspecting its own product is at best a Type C body.',
    tag='S', source='AS/NZS ISO/IEC 17020:2013 table of contents; NATA application document; domain reference §2.7'),
    '''
4||clause|General requirements|通用要求
4.1|4|clause|Impartiality and independence (Type A/B/C)|公正性和独立性（A/B/C类）
4.2|4|clause|Confidentiality|保密
5||clause|Structural requirements|结构要求
5.1|5|clause|Administrative requirements|管理要求
5.2|5|clause|Organisation and management|组织和管理
6||clause|Resource requirements|资源要求
6.1|6|clause|Personnel|人员|E4
6.2|6|clause|Facilities and equipment|设施和设备
6.3|6|clause|Subcontracting|分包
7||clause|Process requirements|过程要求
7.1|7|clause|Inspection methods and procedures|检验方法和程序|E7
7.2|7|clause|Handling inspection items and samples|检验物品和样品的处置
7.3|7|clause|Inspection records|检验记录|E3
7.4|7|clause|Inspection reports and certificates|检验报告和检验证书|E2
7.5|7|clause|Complaints and appeals|投诉和申诉
8||clause|Management system requirements (option A/B)|管理体系要求（方式A/B）
''', 'ISO/IEC 17020:2012 per the domain reference §2.7.')

framework('iso-iec-17025-2017.yaml', dict(
    key='iso-iec-17025', name='ISO/IEC 17025', edition='2017', kind='standard', publisher='ISO/IEC',
    jurisdiction='international', status='current',
    summary='Competence of testing and calibration laboratories; the model for validating an AI inspection method.',
    tag='M', source='domain reference §2.7 (structure recalled, not verified)'),
    '''
4||clause|Impartiality and confidentiality|公正性与保密
5||clause|Structure|结构要求
6||clause|Resources|资源要求
6.2|6|clause|Personnel|人员|E4
6.3|6|clause|Facilities and environment|设施和环境条件
6.4|6|clause|Equipment and calibration|设备与校准|E7
6.5|6|clause|Metrological traceability|计量溯源性|E7
6.6|6|clause|External providers|外部提供的产品和服务
7||clause|Process requirements|过程要求
7.1|7|clause|Review of requests and contracts|要求、标书和合同评审
7.2|7|clause|Method selection, verification and validation|方法的选择、验证和确认|E7
7.3|7|clause|Sampling|抽样
7.4|7|clause|Handling of test items|检测物品的处置
7.5|7|clause|Technical records|技术记录|E3
7.6|7|clause|Measurement uncertainty|测量不确定度|E7
7.7|7|clause|Assuring the validity of results|确保结果有效性|E7
7.8|7|clause|Reporting of results|报告结果|E2
7.9|7|clause|Complaints|投诉
7.10|7|clause|Nonconforming work|不符合工作|E8
7.11|7|clause|Control of data and information management|数据控制和信息管理|E3 E6
8||clause|Management system|管理体系要求
''', 'ISO/IEC 17025:2017 per the domain reference §2.7 [M].')

framework('iec-62443-2-4-2023.yaml', dict(
    key='iec-62443-2-4', name='IEC 62443-2-4', edition='2023', kind='standard', publisher='IEC',
    jurisdiction='international', status='current',
    summary='Security programme requirements for IACS service providers (remote O&M suppliers).',
    tag='C', source='intuitem/ciso-assistant-community@f990d7b iec-62443-2-4-2023.yaml; domain reference §2.11'),
    '''
SP.01||functional-area|Solution staffing: competence and background|方案人员：能力与背景|E4
SP.02||functional-area|Assurance|保证
SP.03||functional-area|Architecture|架构|E6
SP.04||functional-area|Wireless|无线
SP.05||functional-area|Safety instrumented systems|安全仪表系统|E8
SP.06||functional-area|Configuration management|配置管理|E5
SP.07||functional-area|Remote access|远程访问|E3 E6
SP.08||functional-area|Event management|事件管理|E3
SP.09||functional-area|Account management|账户管理
SP.10||functional-area|Malware protection|恶意代码防护
SP.11||functional-area|Patch management|补丁管理|E5
SP.12||functional-area|Backup and restore|备份与恢复|E8
''', 'IEC 62443-2-4:2023 functional areas per the domain reference §2.11.')

framework('iec-62443-3-3-2013.yaml', dict(
    key='iec-62443-3-3', name='IEC 62443-3-3', edition='2013', kind='standard', publisher='IEC',
    jurisdiction='international', status='current',
    summary='System security requirements and security levels for industrial automation and control systems.',
    tag='C', source='intuitem/ciso-assistant-community@f990d7b iec-62443-3-3-2013.yaml; domain reference §2.11'),
    '''
FR1||foundational-requirement|Identification and authentication|标识与鉴别
SR 1.13|FR1|system-requirement|Access via untrusted networks|经由不可信网络的访问|E6
FR2||foundational-requirement|Use control|使用控制
SR 2.6|FR2|system-requirement|Remote session termination|远程会话终止
SR 2.8|FR2|system-requirement|Auditable events|可审计事件|E3
SR 2.11|FR2|system-requirement|Timestamps|时间戳|E3
SR 2.12|FR2|system-requirement|Non-repudiation|抗抵赖|E3
FR3||foundational-requirement|System integrity|系统完整性
SR 3.9|FR3|system-requirement|Protection of audit information|审计信息保护|E3
FR4||foundational-requirement|Data confidentiality|数据保密性
FR5||foundational-requirement|Restricted data flow|受限数据流|E6
SR 5.1|FR5|system-requirement|Network segmentation|网络分段|E6
SR 5.2|FR5|system-requirement|Zone boundary protection|区域边界保护|E6
FR6||foundational-requirement|Timely response to events|对事件的及时响应
SR 6.1|FR6|system-requirement|Audit log accessibility|审计日志可访问性|E3
SR 6.2|FR6|system-requirement|Continuous monitoring|持续监视|E3
FR7||foundational-requirement|Resource availability|资源可用性
SR 7.3|FR7|system-requirement|Control system backup|控制系统备份|E8
SR 7.4|FR7|system-requirement|Control system recovery and reconstitution|控制系统恢复与重构|E8
SR 7.8|FR7|system-requirement|Component inventory|组件清单|E6
''', 'IEC 62443-3-3:2013 foundational requirements and the SRs for remote services (domain reference §2.11).')

framework('iso-iec-27017-2015.yaml', dict(
    key='iso-iec-27017', name='ISO/IEC 27017', edition='2015', kind='standard', publisher='ISO/IEC',
    jurisdiction='international', status='current',
    summary='Cloud-specific security guidance; the seven cloud-only controls.',
    tag='S', source='domain reference §2.4 (consistent across several public repositories)'),
    '''
CLD.6.3.1||control|Shared roles and responsibilities in the cloud|云计算环境中的共担角色与职责|E1 E2
CLD.8.1.5||control|Removing customer assets at end of contract|合同终止时移除客户资产|E8
CLD.9.5.1||control|Segregation in virtual environments|虚拟计算环境中的隔离
CLD.9.5.2||control|Virtual machine hardening|虚拟机加固
CLD.12.1.5||control|Administrator operational security|管理员的运行安全
CLD.12.4.5||control|Customer-side monitoring of cloud services|云服务客户侧监视|E3
CLD.13.1.4||control|Alignment of virtual and physical networks|虚拟与物理网络安全管理的一致|E6
''', 'ISO/IEC 27017:2015 cloud-only controls per the domain reference §2.4.')

framework('iso-iec-27018-2019.yaml', dict(
    key='iso-iec-27018', name='ISO/IEC 27018', edition='2019', kind='standard', publisher='ISO/IEC',
    jurisdiction='international', status='current',
    summary='Protection of PII in public clouds acting as PII processors; the key controls for exporters.',
    tag='M', source='domain reference §2.4 (control numbers recalled, not verified)'),
    '''
A.8.1||control|Disclosure of sub-processors|披露分包处理者|E6
A.10.1||control|Notification of a data breach|数据泄露通知|E8
A.11.3||control|Logging of restore efforts|数据恢复操作的记录|E3
A.12.1||control|Geographic location of PII|个人可识别信息的地理位置|E6 E9
''', 'ISO/IEC 27018:2019 key controls per the domain reference §2.4 [M].')

framework('gb-t-42136-2022.yaml', dict(
    key='gb-t-42136', name='GB/T 42136', edition='2022', kind='national-standard', publisher='SAC (proposed by MIIT)',
    jurisdiction='CN', status='current',
    summary='Smart manufacturing remote O&M systems: general requirements. Topic ids are ours; clause numbers are not recorded.',
    tag='S', source='renrendoc.com table of contents; domain reference §1.3'),
    '''
DT||topic|Data transfer|数据传输|E6
DS||topic|Data storage and analysis|数据存储与分析|E6
RL||topic|Reliability|可靠性|E2
FN||topic|Functions|功能要求
FN.MON|FN|topic|State monitoring|状态监测|E3
FN.DIAG|FN|topic|Fault diagnosis|故障诊断|E7
FN.WARN|FN|topic|Early warning and alarms|预警与报警|E8
FN.EQ|FN|topic|O&M and equipment management|运维与设备管理|E1
FN.RM|FN|topic|Remote maintenance|远程维护|E1 E8
SC||topic|Security|安全要求
SC.PERM|SC|topic|Permission management|权限管理|E4
SC.DATA|SC|topic|Data security|数据安全|E6
SC.AUDIT|SC|topic|Security audit|安全审计|E3
SC.BACKUP|SC|topic|Backup and restore|备份与恢复|E8
''', 'GB/T 42136-2022 topics per its published table of contents (domain reference §1.3).')

framework('gb-t-36325-2018.yaml', dict(
    key='gb-t-36325', name='GB/T 36325', edition='2018', kind='national-standard', publisher='SAC',
    jurisdiction='CN', status='current',
    summary='Cloud SLA basic requirements; the Chinese counterpart to the ISO/IEC 19086 SLA content model. Issued 2018-06-07, effective 2019-01-01.',
    tag='S', source='chinesestandards.org; domain reference §1.3'),
    '''
SLA||topic|SLA basic content|服务级别协议基本内容|E2|M
SLA.SCOPE|SLA|topic|Service scope and description|服务范围与描述|E1|M
SLA.METRIC|SLA|topic|Service-level metrics and targets|服务级别指标与目标|E2|M
SLA.MON|SLA|topic|Monitoring and reporting|监视与报告|E3|M
SLA.RESP|SLA|topic|Roles and responsibilities|角色与职责|E1|M
SLA.REMEDY|SLA|topic|Remedies and termination|补偿与终止|E2|M
''', 'GB/T 36325-2018. The standard is [S]; its internal structure is not in the reference, so these topics are ours and [M].')

framework('gb-t-40571-2021.yaml', dict(
    key='gb-t-40571', name='GB/T 40571', edition='2021', kind='national-standard', publisher='SAC',
    jurisdiction='CN', status='current',
    summary='Intelligent service: predictive maintenance, general requirements. Issued 2021-10-11, effective 2022-05-01.',
    tag='S', source='chinesestandard.net; domain reference §1.3'),
    '''
PM||topic|Predictive maintenance service|预测性维护服务|E1|M
PM.DATA|PM|topic|Condition data acquisition|状态数据采集|E6|M
PM.MODEL|PM|topic|Diagnosis and prognosis models|诊断与预测模型|E7|M
PM.DECISION|PM|topic|Maintenance decision and advisory|维护决策与建议|E8|M
PM.EVAL|PM|topic|Service evaluation|服务评价|E2|M
''', 'GB/T 40571-2021. The standard is [S]; its internal structure is not in the reference, so these topics are ours and [M].')

# ---- Laws (domain reference §3.6) ----
framework('law-cn-pipl.yaml', dict(
    key='cn-pipl', name='PIPL (China Personal Information Protection Law)', edition='2021', kind='law', publisher='NPC',
    jurisdiction='CN', status='in-force',
    summary='Effective Nov 2021; cross-border transfer routes, with the CAC 2024 provisions on cross-border data flows.',
    tag='S', source='fangdalaw.com, insideprivacy.com, icourt; domain reference §3.6'),
    '''
ART38||obligation|Use one transfer route: CAC assessment, filed standard contract or certification|出境须经安全评估、标准合同备案或认证之一|E9
CBDF-2024||obligation|Check the 2024 cross-border exemptions (trade, manufacturing, de-minimis)|核查2024年跨境数据流动豁免情形|E6 E9
ART39||obligation|Separate consent for transfers abroad|出境单独同意|E9|M
ART55||obligation|PI protection impact assessment before transfer|出境前个人信息保护影响评估|E9|M
''', 'China PIPL obligations relevant to remote services (domain reference §3.6).')

framework('law-vn-pdp.yaml', dict(
    key='vn-pdp', name='Vietnam Personal Data Protection Law No. 91/2025/QH15', edition='2025', kind='law', publisher='National Assembly of Vietnam',
    jurisdiction='VN', status='in-force',
    summary='Passed 26 Jun 2025, effective 1 Jan 2026, with Decree 356/2025/ND-CP; replaces Decree 13/2023/ND-CP.',
    tag='S', source='e-alin.org, dlapiper.com, noandt.com; domain reference §3.6'),
    '''
CTIA||obligation|Cross-border transfer impact assessment dossier|跨境传输影响评估档案|E6 E9
OVERSEAS-ACCESS||obligation|Overseas access to data stored in Vietnam counts as a transfer|从境外访问越南境内数据视为传输|E6|W
IMPACT||obligation|Processing impact assessment dossier|数据处理影响评估档案|E9
''', 'Vietnam PDP Law obligations (domain reference §3.6).')

framework('law-th-pdpa.yaml', dict(
    key='th-pdpa', name='Thailand PDPA B.E. 2562', edition='2019', kind='law', publisher='Kingdom of Thailand',
    jurisdiction='TH', status='in-force',
    summary='PDPC notifications on section 28/29 transfers effective 24 Mar 2024.',
    tag='S', source='tmi.gr.jp, clydeco.com; domain reference §3.6'),
    '''
S28||obligation|Transfers abroad only with adequacy or an exception|仅在充分性或例外情形下向境外传输|E9
S29||obligation|Intra-group policies or appropriate safeguards|集团内部政策或适当保障措施|E9
BREACH-72H||obligation|Breach notice to the PDPC within 72 hours|72小时内向个人数据保护委员会通报泄露|E8|M
''', 'Thailand PDPA obligations (domain reference §3.6).')

framework('law-my-pdpa.yaml', dict(
    key='my-pdpa', name='Malaysia PDPA 2010 (as amended 2024)', edition='2024', kind='law', publisher='Parliament of Malaysia',
    jurisdiction='MY', status='in-force',
    summary='Amendment Act 2024 phased in on 1 Jan, 1 Apr and 1 Jun 2025.',
    tag='S', source='taypartners.com.my, law-partnership.com, stpartners.my; domain reference §3.6'),
    '''
SECURITY||obligation|Processors bound by the Security Principle|处理者直接受安全原则约束|E8
DPO||obligation|Appoint a DPO above the thresholds|超过门槛须任命数据保护官|E4
BREACH||obligation|Breach notice: Commissioner within 72 h, data subjects within 7 days|72小时内通报专员，7天内通知数据主体|E8
PORTABILITY||obligation|Right to data portability|数据可携带权|E6
TRANSFER||obligation|Transfer mechanisms replace the whitelist|以传输机制取代白名单|E9|W
''', 'Malaysia PDPA obligations (domain reference §3.6).')

framework('law-id-pdp.yaml', dict(
    key='id-pdp', name='Indonesia Personal Data Protection Law (UU PDP No. 27/2022)', edition='2022', kind='law', publisher='Republic of Indonesia',
    jurisdiction='ID', status='in-force',
    summary='Transition ended Oct 2024 [M]; implementing regulation consulted 2023.',
    tag='S', source='oneasia.legal, digitalpolicyalert; domain reference §3.6'),
    '''
ART56||obligation|Tiered transfer test: equal protection, safeguards, else consent|分级传输规则：同等保护、保障措施或同意|E9
BREACH-3X24H||obligation|Breach notice within 3 x 24 hours|3×24小时内通报泄露|E8|M
''', 'Indonesia UU PDP obligations (domain reference §3.6).')

framework('policy-cn-service-trade-standardization.yaml', dict(
    key='cn-service-trade-standardization-plan', name='Service Trade Standardization Action Plan (2026-2030), reported',
    edition='2026', kind='policy', publisher='MOFCOM + SAMR (reported)', jurisdiction='CN',
    status='reported-unverified',
    summary='Reported, unverified: only industry news pages describe it and they contradict one another; no government text found. Do not present as a legal requirement.',
    tag='W', source='luyiss.com and other industry pages (domain reference §1.1); official text [NF]'),
    '''
EV-SLA||expectation|Documented service levels and SLAs|书面服务级别与服务级别协议|E1 E2
EV-LOG||expectation|Audit logs|审计日志|E3
EV-TRAIN||expectation|Trained remote technicians|经培训的远程技术人员|E4
EV-API||expectation|Version-controlled API documentation|版本受控的API文档|E5
EV-DFD||expectation|Data-flow diagrams|数据流图|E6
EV-VAL||expectation|Validation methods|验证方法|E7
EV-FAIL||expectation|Failure-response protocols|故障响应规程|E8
EV-GAP||expectation|Gap analysis per target market|按目标市场的差距分析|E9
''', 'The reported action plan, tracked as a policy marked "reported, unverified" (domain reference §0, §1.1).')

framework('agreement-rcep.yaml', dict(
    key='rcep', name='RCEP (Regional Comprehensive Economic Partnership)', edition='2020', kind='agreement',
    publisher='RCEP Parties', jurisdiction='RCEP', status='in-force',
    summary='Chapter 6 (STRACAP) covers goods only; the services half of a bundle falls under the services Recognition article and Annex 8C.',
    tag='S', source='thuvienphapluat.vn; ebookservicepro.com RCEP e-book; domain reference §3.1'),
    '''
CH6||chapter|Standards, technical regulations and conformity assessment (goods)|标准、技术法规和合格评定（货物）
6.3|CH6|article|Scope: goods only|范围：仅限货物
6.5|CH6|article|International standards and cooperation|国际标准与合作
6.7|CH6|article|Technical regulations|技术法规
6.8|CH6|article|Accept other Parties' conformity results whenever possible|尽可能接受其他缔约方的合格评定结果|E9
SVC-RECOGNITION||article|Services: recognition of licences and certifications|服务：资质与认证的承认|E4|M
ANNEX-8C||annex|Professional services MRAs (remote-technician qualifications)|专业服务互认（远程技术人员资质）|E4
ECOM||chapter|E-commerce: computing facilities and cross-border transfer|电子商务：计算设施位置与跨境传输|E6|M
''', 'RCEP provisions relevant to hardware + services bundles (domain reference §3.1).')

framework('agreement-asean.yaml', dict(
    key='asean-conformity', name='ASEAN conformity and MRA arrangements', edition='2002', kind='agreement',
    publisher='ASEAN (ACCSQ)', jurisdiction='ASEAN', status='in-force',
    summary='Framework Agreement on MRAs (1998), sectoral MRAs (first: electrical and electronic equipment, 2002) and ATIGA Chapter 7. No ASEAN MRA covers software, cloud or AI services [NF].',
    tag='P', source='asean.org, asean.or.id, dti.gov.ph; domain reference §3.2'),
    '''
FW-MRA||agreement|Framework Agreement on MRAs (Ha Noi, 1998)|互认安排框架协议（1998年河内）||S
EE-MRA||agreement|Electrical and electronic equipment MRA (hardware only)|电气电子设备互认安排（仅限硬件）|E9
ATIGA-7||chapter|ATIGA Chapter 7: standards, recognition, accreditation cooperation|东盟货物贸易协定第7章：标准、承认与认可合作
MCC||instrument|ASEAN Model Contractual Clauses for data transfers|东盟跨境数据流动示范合同条款|E9|S
''', 'ASEAN recognition instruments (domain reference §3.2).')
print('library files written to', os.path.abspath(OUT))

// 专业分类: a catalogue modelled on the 综合评标评审专家专业分类标准 (工程 / 货物 / 服务 / 土地 / 农村产权), parents by code prefix.
export interface SpecialtyEntry {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** The parent of `A01.02.03` is `A01.02`; a two-part-less code such as `A01` has none. */
export function parentCode(code: string): string | null {
  const cut = code.lastIndexOf('.');
  return cut < 0 ? null : code.slice(0, cut);
}

export const SPECIALTY_CODE = /^[A-Z][0-9]{2}(\.[0-9]{2}){0,3}$/;

/** Listed parents first, so that inserting in this order satisfies the parent reference. */
export const SPECIALTY_CATALOGUE: readonly SpecialtyEntry[] = [
  { code: 'A01', nameZh: '工程建设', nameEn: 'Construction engineering' },
  { code: 'A01.01', nameZh: '房屋建筑工程', nameEn: 'Building works' },
  { code: 'A01.01.01', nameZh: '建筑结构', nameEn: 'Building structures' },
  { code: 'A01.01.02', nameZh: '建筑设计', nameEn: 'Architectural design' },
  { code: 'A01.01.03', nameZh: '给水排水', nameEn: 'Water supply and drainage' },
  { code: 'A01.01.04', nameZh: '暖通空调', nameEn: 'Heating, ventilation and air conditioning' },
  { code: 'A01.01.05', nameZh: '建筑电气', nameEn: 'Building electrical systems' },
  { code: 'A01.01.06', nameZh: '建筑智能化', nameEn: 'Intelligent building systems' },
  { code: 'A01.02', nameZh: '市政公用工程', nameEn: 'Municipal works' },
  { code: 'A01.02.01', nameZh: '道路与桥梁', nameEn: 'Roads and bridges' },
  { code: 'A01.02.02', nameZh: '给排水管网', nameEn: 'Water and sewer networks' },
  { code: 'A01.02.03', nameZh: '园林绿化', nameEn: 'Landscaping' },
  { code: 'A01.02.04', nameZh: '燃气与热力', nameEn: 'Gas and district heating' },
  { code: 'A01.03', nameZh: '水利工程', nameEn: 'Water conservancy works' },
  { code: 'A01.03.01', nameZh: '水工结构', nameEn: 'Hydraulic structures' },
  { code: 'A01.03.02', nameZh: '农田水利', nameEn: 'Irrigation and drainage' },
  { code: 'A01.04', nameZh: '交通工程', nameEn: 'Transport works' },
  { code: 'A01.04.01', nameZh: '公路工程', nameEn: 'Highway works' },
  { code: 'A01.04.02', nameZh: '轨道交通', nameEn: 'Rail transit' },
  { code: 'A02', nameZh: '工程造价', nameEn: 'Cost engineering' },
  { code: 'A02.01', nameZh: '土建工程造价', nameEn: 'Civil works costing' },
  { code: 'A02.02', nameZh: '安装工程造价', nameEn: 'Installation works costing' },
  { code: 'A03', nameZh: '工程监理与项目管理', nameEn: 'Construction supervision and project management' },
  { code: 'B01', nameZh: '政府采购货物', nameEn: 'Government procurement: goods' },
  { code: 'B01.01', nameZh: '办公设备与家具', nameEn: 'Office equipment and furniture' },
  { code: 'B01.02', nameZh: '信息化设备', nameEn: 'Information technology' },
  { code: 'B01.02.01', nameZh: '计算机与网络设备', nameEn: 'Computers and network equipment' },
  { code: 'B01.02.02', nameZh: '软件与信息系统', nameEn: 'Software and information systems' },
  { code: 'B01.03', nameZh: '医疗设备', nameEn: 'Medical equipment' },
  { code: 'B01.03.01', nameZh: '医学影像设备', nameEn: 'Medical imaging equipment' },
  { code: 'B01.03.02', nameZh: '医用耗材', nameEn: 'Medical consumables' },
  { code: 'B01.03.03', nameZh: '检验检测设备', nameEn: 'Laboratory and diagnostic equipment' },
  { code: 'B01.04', nameZh: '车辆', nameEn: 'Vehicles' },
  { code: 'B01.05', nameZh: '教学仪器', nameEn: 'Teaching equipment' },
  { code: 'B02', nameZh: '政府采购服务', nameEn: 'Government procurement: services' },
  { code: 'B02.01', nameZh: '物业管理服务', nameEn: 'Property management' },
  { code: 'B02.02', nameZh: '法律服务', nameEn: 'Legal services' },
  { code: 'B02.03', nameZh: '审计与会计服务', nameEn: 'Audit and accounting services' },
  { code: 'C01', nameZh: '土地与矿业权', nameEn: 'Land and mining rights' },
  { code: 'C01.01', nameZh: '土地估价', nameEn: 'Land appraisal' },
  { code: 'C01.02', nameZh: '城乡规划', nameEn: 'Urban and rural planning' },
  { code: 'C01.03', nameZh: '测绘与地理信息', nameEn: 'Surveying and geographic information' },
  { code: 'C01.04', nameZh: '不动产登记', nameEn: 'Real estate registration' },
  { code: 'C01.05', nameZh: '矿业权评估', nameEn: 'Mining rights appraisal' },
  { code: 'D01', nameZh: '农业农村', nameEn: 'Agriculture and rural affairs' },
  { code: 'D01.01', nameZh: '农业经济管理', nameEn: 'Agricultural economics' },
  { code: 'D01.02', nameZh: '农村土地经营权流转', nameEn: 'Rural land management rights transfer' },
  { code: 'D01.03', nameZh: '林权', nameEn: 'Forest rights' },
  { code: 'D01.04', nameZh: '农业技术', nameEn: 'Agronomy' },
  { code: 'D01.05', nameZh: '农村集体资产评估', nameEn: 'Rural collective asset appraisal' },
  { code: 'E01', nameZh: '经济与法律', nameEn: 'Economics and law' },
  { code: 'E01.01', nameZh: '经济管理', nameEn: 'Economic management' },
  { code: 'E01.02', nameZh: '法律', nameEn: 'Law' },
  { code: 'E01.03', nameZh: '财务会计', nameEn: 'Finance and accounting' },
];

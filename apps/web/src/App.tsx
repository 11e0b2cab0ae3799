import { Route, Routes } from 'react-router-dom';
import { Result, Button } from 'antd';
import { Link } from 'react-router-dom';
import { AppLayout } from './components/AppLayout';
import { RequireRole } from './components/RequireRole';
import { LoginPage } from './pages/Login';
import { PortalHome } from './pages/portal/PortalHome';
import { TenderPage } from './pages/portal/TenderPage';
import { ParcelPage } from './pages/portal/ParcelPage';
import { RuralDealPage } from './pages/portal/RuralDealPage';
import { MallRequirementPage } from './pages/portal/MallRequirementPage';
import { LotWatchPage } from './pages/portal/LotWatchPage';
import { ResultsPage } from './pages/portal/ResultsPage';
import { StatsPage } from './pages/portal/StatsPage';
import { RulesPage } from './pages/committee/RulesPage';
import { BidderHome } from './pages/bidder/BidderHome';
import { BidderTender } from './pages/bidder/BidderTender';
import { LiveHall } from './pages/bidder/LiveHall';
import { LiveRoom } from './pages/bidder/LiveRoom';
import { CentreHome } from './pages/centre/CentreHome';
import { CentreCalendar } from './pages/centre/CentreCalendar';
import { CentreDraws } from './pages/centre/CentreDraws';
import { LandDesk } from './pages/centre/LandDesk';
import { RuralDesk } from './pages/centre/RuralDesk';
import { MallDesk } from './pages/centre/MallDesk';
import { DepositDesk, TenderDeposits } from './pages/centre/DepositDesk';
import { ExpertHome } from './pages/expert/ExpertHome';
import { AuditPage } from './pages/supervision/AuditPage';
import { NoticesPage } from './pages/publicinfo/NoticesPage';
import { DecisionsPage } from './pages/publicinfo/DecisionsPage';
import { OpenDataPage } from './pages/publicinfo/OpenDataPage';
import { ProjectPage } from './pages/publicinfo/ProjectPage';
import { ContractsPage } from './pages/publicinfo/ContractsPage';
import { CreditLookupPage } from './pages/publicinfo/CreditLookupPage';
import { MyComplaints } from './pages/bidder/complaints/MyComplaints';
import { FileComplaint } from './pages/bidder/complaints/FileComplaint';
import { ComplaintsDesk } from './pages/oversight/ComplaintsDesk';
import { CardsBoard } from './pages/oversight/CardsBoard';
import { CollusionPage } from './pages/oversight/CollusionPage';
import { CreditPage } from './pages/oversight/CreditPage';
import { OwnerHome } from './pages/owner/OwnerHome';
import { OwnerTender } from './pages/owner/OwnerTender';
import { OwnerMall } from './pages/owner/OwnerMall';
import { OpeningConsole } from './pages/centre/OpeningConsole';
import { BidderMall } from './pages/bidder/BidderMall';
import { BidderApplications } from './pages/bidder/BidderApplications';
import { ExpertEvaluation, ExpertEvaluations } from './pages/expert/ExpertEvaluation';
import { RuleDrafts } from './pages/committee/RuleDrafts';
import { CalendarYearsPage } from './pages/committee/CalendarYears';

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<AppLayout />}>
        <Route path="/" element={<PortalHome />} />
        <Route path="/portal/tenders/:id" element={<TenderPage />} />
        <Route path="/portal/land/:id" element={<ParcelPage />} />
        <Route path="/portal/rural/:id" element={<RuralDealPage />} />
        <Route path="/portal/mall/:id" element={<MallRequirementPage />} />
        <Route path="/portal/lots/:id" element={<LotWatchPage />} />
        <Route path="/portal/results" element={<ResultsPage />} />
        <Route path="/portal/stats" element={<StatsPage />} />
        <Route path="/portal/rules" element={<RulesPage />} />
        <Route path="/workspace/bidder" element={<RequireRole roles={['bidder']}><BidderHome /></RequireRole>} />
        <Route path="/workspace/bidder/tenders/:id" element={<RequireRole roles={['bidder']}><BidderTender /></RequireRole>} />
        <Route path="/workspace/bidder/live" element={<RequireRole roles={['bidder']}><LiveHall /></RequireRole>} />
        <Route path="/workspace/bidder/lots/:id" element={<RequireRole roles={['bidder']}><LiveRoom /></RequireRole>} />
        <Route path="/workspace/centre" element={<RequireRole roles={['centre']}><CentreHome /></RequireRole>} />
        <Route path="/workspace/centre/calendar" element={<RequireRole roles={['centre']}><CentreCalendar /></RequireRole>} />
        <Route path="/workspace/centre/draws" element={<RequireRole roles={['centre']}><CentreDraws /></RequireRole>} />
        <Route path="/workspace/centre/land" element={<RequireRole roles={['centre']}><LandDesk /></RequireRole>} />
        <Route path="/workspace/centre/rural" element={<RequireRole roles={['centre']}><RuralDesk /></RequireRole>} />
        <Route path="/workspace/centre/mall" element={<RequireRole roles={['centre']}><MallDesk /></RequireRole>} />
        <Route path="/workspace/centre/deposits" element={<RequireRole roles={['centre']}><DepositDesk /></RequireRole>} />
        <Route path="/workspace/centre/tenders/:id/deposits" element={<RequireRole roles={['centre']}><TenderDeposits /></RequireRole>} />
        <Route path="/workspace/expert" element={<RequireRole roles={['expert']}><ExpertHome /></RequireRole>} />
        <Route path="/workspace/supervision" element={<RequireRole roles={['office', 'regulator']}><AuditPage /></RequireRole>} />
        <Route path="/workspace/committee" element={<RequireRole roles={['committee']}><RulesPage editable /></RequireRole>} />
        <Route path="/workspace/owner" element={<RequireRole roles={['owner', 'agent']}><OwnerHome /></RequireRole>} />
        <Route path="/portal/info" element={<NoticesPage />} />
        <Route path="/portal/info/contracts" element={<ContractsPage />} />
        <Route path="/portal/info/credit" element={<CreditLookupPage />} />
        <Route path="/portal/info/complaints" element={<DecisionsPage />} />
        <Route path="/portal/info/open-data" element={<OpenDataPage />} />
        <Route path="/portal/projects/:id" element={<ProjectPage />} />
        <Route path="/workspace/bidder/complaints" element={<RequireRole roles={['bidder']}><MyComplaints /></RequireRole>} />
        <Route path="/workspace/bidder/complaints/new" element={<RequireRole roles={['bidder']}><FileComplaint /></RequireRole>} />
        <Route path="/workspace/oversight" element={<RequireRole roles={['office', 'regulator']}><ComplaintsDesk /></RequireRole>} />
        <Route path="/workspace/oversight/cards" element={<RequireRole roles={['office', 'regulator']}><CardsBoard /></RequireRole>} />
        <Route path="/workspace/oversight/collusion" element={<RequireRole roles={['office', 'regulator']}><CollusionPage /></RequireRole>} />
        <Route path="/workspace/oversight/credit" element={<RequireRole roles={['office', 'regulator']}><CreditPage /></RequireRole>} />
        <Route path="/workspace/owner/tenders/:id" element={<RequireRole roles={['owner', 'agent']}><OwnerTender /></RequireRole>} />
        <Route path="/workspace/owner/mall" element={<RequireRole roles={['owner']}><OwnerMall /></RequireRole>} />
        <Route path="/workspace/centre/tenders/:id/opening" element={<RequireRole roles={['centre']}><OpeningConsole /></RequireRole>} />
        <Route path="/workspace/bidder/mall" element={<RequireRole roles={['bidder']}><BidderMall /></RequireRole>} />
        <Route path="/workspace/bidder/applications" element={<RequireRole roles={['bidder']}><BidderApplications /></RequireRole>} />
        <Route path="/workspace/expert/evaluations" element={<RequireRole roles={['expert']}><ExpertEvaluations /></RequireRole>} />
        <Route path="/workspace/expert/evaluations/:id/:no" element={<RequireRole roles={['expert']}><ExpertEvaluation /></RequireRole>} />
        <Route path="/workspace/committee/drafts" element={<RequireRole roles={['committee']}><RuleDrafts /></RequireRole>} />
        <Route path="/workspace/committee/calendar" element={<RequireRole roles={['committee']}><CalendarYearsPage /></RequireRole>} />
        <Route
          path="*"
          element={<Result status="404" title="页面不存在" subTitle="您访问的页面不存在或已移除。" extra={<Link to="/"><Button type="primary">返回首页</Button></Link>} />}
        />
      </Route>
    </Routes>
  );
}

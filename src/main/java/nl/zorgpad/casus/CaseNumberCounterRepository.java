package nl.zorgpad.casus;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseNumberCounterRepository extends JpaRepository<CaseNumberCounter, String> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from CaseNumberCounter c where c.id = :id")
  Optional<CaseNumberCounter> lockById(@Param("id") String id);
}
